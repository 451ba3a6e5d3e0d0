namespace EntryExit.Edge.Devices.Framing;

/// <summary>
/// Frames CR, LF or CRLF ended lines into documents. A document ends at a blank line (when enabled), after an
/// idle gap (when set; the pending unterminated line is taken too), when it reaches the line limit, or at end
/// of stream. Serves both <see cref="FramingKind.Lines"/> (keyboard wedge) and <see cref="FramingKind.IdleTimeout"/>.
/// </summary>
public sealed class LineFrameDecoder : IFrameDecoder
{
    private const char CommandPrefix = '#';

    private readonly LineAccumulator _buffer;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _idleGap;
    private readonly bool _blankLineEndsDocument;
    private long _lastByteTimestamp;
    private bool _previousWasCr;

    /// <summary>Creates a line decoder.</summary>
    /// <param name="options">Line limits and the idle gap.</param>
    /// <param name="timeProvider">Clock for the idle gap.</param>
    /// <param name="blankLineEndsDocument">Whether an empty line ends the document (keyboard wedge).</param>
    public LineFrameDecoder(FramingOptions options, TimeProvider timeProvider, bool blankLineEndsDocument)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _buffer = new LineAccumulator(options.MaxLineLength, options.MaxLinesPerFrame);
        _timeProvider = timeProvider;
        _idleGap = options.IdleGap;
        _blankLineEndsDocument = blankLineEndsDocument;
    }

    /// <inheritdoc />
    public long DiscardedBytes => _buffer.Discarded;

    internal int BufferedChars => _buffer.BufferedChars;

    /// <inheritdoc />
    public void Feed(ReadOnlySpan<byte> chunk, ICollection<string> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (chunk.IsEmpty)
        {
            return;
        }

        // The silence before this chunk is what the idle gap measures: a poll that came late (a busy timer) must not
        // glue this chunk onto the document before it.
        Poll(frames);
        _lastByteTimestamp = _timeProvider.GetTimestamp();
        foreach (var b in chunk)
        {
            if (b == ControlBytes.Lf && _previousWasCr)
            {
                _previousWasCr = false;
                continue;
            }

            _previousWasCr = b == ControlBytes.Cr;
            if (b is ControlBytes.Cr or ControlBytes.Lf)
            {
                EndLine(frames);
            }
            else
            {
                _buffer.Append(b);
            }
        }
    }

    /// <inheritdoc />
    public void Poll(ICollection<string> frames)
    {
        if (_idleGap is { } gap && !_buffer.IsEmpty && _timeProvider.GetElapsedTime(_lastByteTimestamp) >= gap)
        {
            Flush(frames);
        }
    }

    /// <inheritdoc />
    public void Flush(ICollection<string> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        _buffer.EndLine();
        _buffer.EmitFrame(frames);
        _previousWasCr = false;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _buffer.Clear();
        _previousWasCr = false;
    }

    private void EndLine(ICollection<string> frames)
    {
        var blank = !_buffer.HasPartialLine;
        if (blank)
        {
            if (_blankLineEndsDocument && _buffer.LineCount > 0)
            {
                _buffer.EmitFrame(frames);
            }

            return;
        }

        // A command line from the booth (e.g. "#DECLARE us-citizen") is never part of an MRZ: it ends the document
        // before it and is a frame of its own, however quickly it follows (no idle gap needed to tell them apart).
        if (_buffer.PartialLineStartsWith(CommandPrefix))
        {
            if (_buffer.LineCount > 0)
            {
                _buffer.EmitFrame(frames);
            }

            _buffer.EndLine();
            _buffer.EmitFrame(frames);
            return;
        }

        _buffer.EndLine();
        if (_buffer.IsFull)
        {
            _buffer.EmitFrame(frames);
        }
    }
}
