namespace EntryExit.Edge.Devices.Framing;

/// <summary>
/// 3M style frames: <c>&lt;SOH&gt;[len]"OU"&lt;STX&gt;[flag]line1&lt;CR&gt;line2&lt;CR&gt;line3&lt;CR&gt;&lt;ETX&gt;[BCC]</c>.
/// Missing top lines arrive as empty CRs (the bottom line is always line 3), so leading empty lines are
/// dropped; <c>_</c> padding becomes <c>&lt;</c> when configured. The header is found by the <c>"OU"&lt;STX&gt;</c>
/// sequence so a binary length byte that happens to equal STX cannot mislead it.
/// </summary>
/// <remarks>The block-check byte is skipped, not verified: no public copy of the spec says which bytes it covers.</remarks>
public sealed class ThreeMFrameDecoder : IFrameDecoder
{
    private const int MaxHeaderBytes = 8;
    private readonly LineAccumulator _buffer;
    private readonly bool _flagByte;
    private readonly bool _blockCheck;
    private readonly char? _paddingReplacement;
    private State _state;
    private int _headerBytes;
    private byte _header1;
    private byte _header2;
    private long _outsideBytes;

    /// <summary>Creates a 3M decoder.</summary>
    /// <param name="options">Line limits and the 3M variations.</param>
    public ThreeMFrameDecoder(FramingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buffer = new LineAccumulator(options.MaxLineLength, options.MaxLinesPerFrame);
        _flagByte = options.ThreeMFlagByte;
        _blockCheck = options.ThreeMBlockCheck;
        _paddingReplacement = options.ThreeMNormalisePadding ? '<' : null;
    }

    private enum State
    {
        Hunting,
        Header,
        Flag,
        Body,
        BlockCheck,
    }

    /// <inheritdoc />
    public long DiscardedBytes => _buffer.Discarded + _outsideBytes;

    internal int BufferedChars => _buffer.BufferedChars;

    /// <inheritdoc />
    public void Feed(ReadOnlySpan<byte> chunk, ICollection<string> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        foreach (var b in chunk)
        {
            if (b == ControlBytes.Soh && _state != State.BlockCheck)
            {
                // A new heading always restarts: a cut frame must not swallow the next one.
                _buffer.Clear();
                StartHeader();
                continue;
            }

            switch (_state)
            {
                case State.Hunting:
                    _outsideBytes++;
                    break;
                case State.Header:
                    OnHeaderByte(b);
                    break;
                case State.Flag:
                    _state = State.Body;
                    if (b == ControlBytes.Etx || b == ControlBytes.Cr)
                    {
                        OnBodyByte(b, frames);
                    }

                    break;
                case State.Body:
                    OnBodyByte(b, frames);
                    break;
                case State.BlockCheck:
                    _state = State.Hunting;
                    break;
            }
        }
    }

    /// <inheritdoc />
    public void Poll(ICollection<string> frames)
    {
    }

    /// <inheritdoc />
    public void Flush(ICollection<string> frames) => Reset();

    /// <inheritdoc />
    public void Reset()
    {
        _buffer.Clear();
        _state = State.Hunting;
    }

    private void StartHeader()
    {
        _state = State.Header;
        _headerBytes = 0;
        _header1 = 0;
        _header2 = 0;
    }

    private void OnHeaderByte(byte b)
    {
        if (b == ControlBytes.Stx && _header1 == (byte)'O' && _header2 == (byte)'U')
        {
            _state = _flagByte ? State.Flag : State.Body;
            return;
        }

        _header1 = _header2;
        _header2 = b;
        if (++_headerBytes > MaxHeaderBytes)
        {
            _outsideBytes += _headerBytes;
            _state = State.Hunting;
        }
    }

    private void OnBodyByte(byte b, ICollection<string> frames)
    {
        switch (b)
        {
            case ControlBytes.Etx:
                _buffer.EndLine();
                _buffer.EmitFrame(frames, skipLeadingEmpty: true);
                _state = _blockCheck ? State.BlockCheck : State.Hunting;
                break;
            case ControlBytes.Cr:
                if (_buffer.IsFull)
                {
                    Abandon();
                }
                else
                {
                    _buffer.EndLine(keepEmpty: true);
                }

                break;
            case ControlBytes.Lf:
                break;
            default:
                _buffer.Append(b, _paddingReplacement);
                if (_buffer.LineOverflowed)
                {
                    Abandon();
                }

                break;
        }
    }

    private void Abandon()
    {
        _buffer.Clear();
        _state = State.Hunting;
    }
}
