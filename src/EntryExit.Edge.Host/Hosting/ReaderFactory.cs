using EntryExit.Edge.Devices.Framing;
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
            var framing = ReaderFramings.TryParse(r.Framing, r.Kind, out var parsed) ? parsed : FramingKind.Lines; // validated at start
            created.Add(r.Kind == ReaderKinds.Serial
                ? new SerialDocumentReader(
                    new SerialReaderOptions
                    {
                        ReaderId = r.Id, Lane = r.Lane, PortPath = r.Path, BaudRate = r.BaudRate, Framing = Framing(framing, r.IdleGapMilliseconds),
                    },
                    time,
                    loggers.CreateLogger<SerialDocumentReader>())
                : new LineDocumentReader(
                    new LineReaderOptions { ReaderId = r.Id, Lane = r.Lane, Path = r.Path, Framing = Framing(framing, r.IdleGapMilliseconds) },
                    time,
                    loggers.CreateLogger<LineDocumentReader>()));
        }

        return created;
    }

    /// <summary>The silence that ends a document of line framings when <c>Readers[]:IdleGapMilliseconds</c> is not set.</summary>
    public const int DefaultIdleGapMilliseconds = 500;

    // Lines from a file or keyboard wedge end a document at a blank line or after a short pause.
    private static FramingOptions Framing(FramingKind kind, int? idleGapMilliseconds) => kind is FramingKind.Lines or FramingKind.IdleTimeout
        ? new FramingOptions { Kind = kind, IdleGap = TimeSpan.FromMilliseconds(idleGapMilliseconds ?? DefaultIdleGapMilliseconds) }
        : new FramingOptions { Kind = kind };
}
