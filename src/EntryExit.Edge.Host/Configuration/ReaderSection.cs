namespace EntryExit.Edge.Host.Configuration;

/// <summary>One entry of <c>Readers</c>: a document reader at a lane.</summary>
public sealed class ReaderSection
{
    /// <summary>Reader id, unique within the gateway.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The lane the reader serves.</summary>
    public string Lane { get; set; } = string.Empty;

    /// <summary>"file" (a file, FIFO or "-" for standard input) or "serial".</summary>
    public string Kind { get; set; } = "file";

    /// <summary>Device or file path.</summary>
    public string Path { get; set; } = string.Empty;
}
