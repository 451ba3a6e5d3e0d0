using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>Creates the configured document readers.</summary>
public static class ReaderFactory
{
    /// <summary>One reader per <c>Readers</c> entry (already validated).</summary>
    public static IReadOnlyList<IDocumentReader> Create(IReadOnlyList<ReaderSection> readers, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(loggers);
        var created = new List<IDocumentReader>(readers.Count);
        foreach (var r in readers)
        {
            created.Add(new LineDocumentReader(
                new LineReaderOptions { ReaderId = r.Id, Lane = r.Lane, Path = r.Path },
                time,
                loggers.CreateLogger<LineDocumentReader>()));
        }

        return created;
    }
}
