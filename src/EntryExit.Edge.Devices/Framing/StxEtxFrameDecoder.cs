namespace EntryExit.Edge.Devices.Framing;

/// <summary>
/// DESKO style frames: <c>&lt;STX&gt;line1&lt;CR&gt;line2&lt;CR&gt;[line3&lt;CR&gt;]&lt;ETX&gt;</c>. Bytes outside
/// a frame (the SOD/EOD bytes, noise) are skipped; a new STX inside a frame restarts it (the old one was cut);
/// a frame that outgrows the limits is dropped and the decoder hunts for the next STX.
/// </summary>
public sealed class StxEtxFrameDecoder : IFrameDecoder
{
    private readonly LineAccumulator _buffer;
    private bool _inFrame;
    private long _outsideBytes;

    /// <summary>Creates a STX/ETX decoder.</summary>
    /// <param name="options">Line limits.</param>
    public StxEtxFrameDecoder(FramingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buffer = new LineAccumulator(options.MaxLineLength, options.MaxLinesPerFrame);
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
            if (b == ControlBytes.Stx)
            {
                _buffer.Clear();
                _inFrame = true;
                continue;
            }

            if (!_inFrame)
            {
                _outsideBytes++;
                continue;
            }

            switch (b)
            {
                case ControlBytes.Etx:
                    _buffer.EndLine();
                    _buffer.EmitFrame(frames);
                    _inFrame = false;
                    break;
                case ControlBytes.Cr:
                    EndLineOrAbandon();
                    break;
                case ControlBytes.Lf:
                    break;
                default:
                    _buffer.Append(b);
                    if (_buffer.LineOverflowed)
                    {
                        Abandon();
                    }

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
        _inFrame = false;
    }

    private void EndLineOrAbandon()
    {
        if (_buffer.IsFull && _buffer.HasPartialLine)
        {
            Abandon();
            return;
        }

        _buffer.EndLine();
    }

    private void Abandon()
    {
        _buffer.Clear();
        _inFrame = false;
    }
}
