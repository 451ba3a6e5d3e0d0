using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>
/// Reads documents from a regular file (to its end), a FIFO or standard input. A FIFO is opened read-write so
/// it never reports end of stream when a writer closes: writers may close and reopen it at will.
/// </summary>
public sealed class LineDocumentReader : ThreadedDocumentReader
{
    private readonly LineReaderOptions _options;
    private readonly Func<Stream> _standardInput;
    private bool _isFifo;

    /// <summary>Creates a line reader (nothing is opened until <see cref="ThreadedDocumentReader.RunAsync"/>).</summary>
    /// <param name="options">Path and framing.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="logger">Logger.</param>
    public LineDocumentReader(LineReaderOptions options, TimeProvider timeProvider, ILogger<LineDocumentReader> logger)
        : this(options, timeProvider, logger, Console.OpenStandardInput)
    {
    }

    internal LineDocumentReader(LineReaderOptions options, TimeProvider timeProvider, ILogger<LineDocumentReader> logger, Func<Stream> standardInput)
        : base(
            (options ?? throw new ArgumentNullException(nameof(options))).ReaderId,
            options.Lane,
            options.Framing,
            options.Reconnect,
            timeProvider,
            logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _options = options;
        _standardInput = standardInput;
    }

    /// <inheritdoc />
    protected override string SourceDescription => _options.Path == LineReaderOptions.StandardInput ? "standard input" : _options.Path;

    internal override bool ReopenAtEndOfStream => _isFifo;

    internal override IByteSource Open()
    {
        if (_options.Path == LineReaderOptions.StandardInput)
        {
            // A read blocked on standard input cannot be woken; the reader thread is a background thread.
            return new StreamByteSource(_standardInput(), interrupt: null, ownsStream: false);
        }

        FileStream stream;
        try
        {
            // Read-write: opening a FIFO this way never blocks and keeps it open across writers.
            stream = new FileStream(_options.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (UnauthorizedAccessException)
        {
            stream = new FileStream(_options.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        }

        _isFifo = !stream.CanSeek;
        return new StreamByteSource(stream, _isFifo ? WakeFifo : null, ownsStream: true);
    }

    /// <summary>Unblocks our own pending FIFO read by writing a line end into it (we hold it open, so this never blocks).</summary>
    private void WakeFifo()
    {
        try
        {
            using var writer = new FileStream(_options.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            writer.WriteByte((byte)'\n');
        }
        catch (IOException)
        {
            // The FIFO is gone; the read will fail on its own.
        }
    }
}
