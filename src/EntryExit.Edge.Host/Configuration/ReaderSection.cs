namespace EntryExit.Edge.Host.Configuration;

/// <summary>One entry of <c>Readers</c>: a document reader at a lane.</summary>
public sealed class ReaderSection
{
    /// <summary>Reader id, unique within the gateway.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The lane the reader serves.</summary>
    public string Lane { get; set; } = string.Empty;

    /// <summary>"file" (a file, FIFO or "-" for standard input) or "serial" (a USB/RS-232 document reader).</summary>
    public string Kind { get; set; } = "file";

    /// <summary>Device or file path: <c>/dev/serial/by-id/…</c> or <c>/dev/entryexit/reader-…</c> for serial readers.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How the reader frames a document: "lines" (default for file), "stx-etx" (DESKO style, default for
    /// serial), "3m" (3M/Gemalto style) or "idle-timeout" (bare lines grouped by a pause).</summary>
    public string? Framing { get; set; }

    /// <summary>For "lines" and "idle-timeout": the silence, in milliseconds, that ends a document (default 500). A reader
    /// that pauses between lines needs more; one that sends documents quickly after each other needs less.</summary>
    public int? IdleGapMilliseconds { get; set; }

    /// <summary>Serial speed in baud (default 9600).</summary>
    public int BaudRate { get; set; } = 9600;
}
