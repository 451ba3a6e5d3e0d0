using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>Creates every configured reader (serial and line), checking that reader ids are unique.</summary>
public static class DocumentReaderFactory
{
    /// <summary>Creates the readers; nothing is opened until each one runs.</summary>
    /// <param name="options">The device configuration.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <returns>The readers, serial first.</returns>
    /// <exception cref="ArgumentException">A reader id is used twice, or a path is empty.</exception>
    public static IReadOnlyList<IDocumentReader> CreateAll(DeviceOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var duplicate = options.SerialReaders.Select(r => r.ReaderId).Concat(options.LineReaders.Select(r => r.ReaderId))
            .GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Reader id \"{duplicate.Key}\" is configured twice; give each reader its own ReaderId.", nameof(options));
        }

        var readers = new List<IDocumentReader>();
        readers.AddRange(options.SerialReaders.Select(o => new SerialDocumentReader(o, timeProvider, loggerFactory.CreateLogger<SerialDocumentReader>())));
        readers.AddRange(options.LineReaders.Select(o => new LineDocumentReader(o, timeProvider, loggerFactory.CreateLogger<LineDocumentReader>())));
        return readers;
    }
}
