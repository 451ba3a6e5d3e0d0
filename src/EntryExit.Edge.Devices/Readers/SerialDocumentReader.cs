using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>
/// A document reader on a serial port (<c>/dev/ttyACM*</c>, <c>/dev/ttyUSB*</c>, <c>/dev/serial/by-id/*</c>).
/// Unplugging reports <see cref="ReaderState.Disconnected"/>; the reader reopens the path when it comes back,
/// without restarting the gateway.
/// </summary>
public sealed class SerialDocumentReader : ThreadedDocumentReader
{
    private readonly SerialReaderOptions _options;

    /// <summary>Creates a serial reader (nothing is opened until <see cref="ThreadedDocumentReader.RunAsync"/>).</summary>
    /// <param name="options">Port, framing and backoff.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="logger">Logger.</param>
    public SerialDocumentReader(SerialReaderOptions options, TimeProvider timeProvider, ILogger<SerialDocumentReader> logger)
        : base(
            (options ?? throw new ArgumentNullException(nameof(options))).ReaderId,
            options.Lane,
            options.Framing,
            options.Reconnect,
            timeProvider,
            logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PortPath);
        _options = options;
    }

    /// <inheritdoc />
    protected override string SourceDescription => _options.PortPath;

    internal override IByteSource Open()
    {
        if (!File.Exists(_options.PortPath))
        {
            throw new FileNotFoundException($"Serial device {_options.PortPath} is absent (unplugged?).");
        }

        return new SerialByteSource(_options);
    }
}
