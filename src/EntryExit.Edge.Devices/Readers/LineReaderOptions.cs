using EntryExit.Edge.Devices.Framing;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>A reader that takes text from a file, a FIFO or standard input (keyboard wedge, tests, field training).</summary>
public sealed class LineReaderOptions
{
    /// <summary>The path <c>-</c> means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Reader id.</summary>
    public string ReaderId { get; set; } = "line-1";

    /// <summary>Lane served.</summary>
    public string Lane { get; set; } = "1";

    /// <summary>A regular file (read once to its end), a FIFO (read for ever; writers may come and go) or <c>-</c>.</summary>
    public string Path { get; set; } = StandardInput;

    /// <summary>Framing; keyboard-wedge lines by default (a blank line or 500 ms of silence ends a document).</summary>
    public FramingOptions Framing { get; set; } = new() { Kind = FramingKind.Lines, IdleGap = TimeSpan.FromMilliseconds(500) };

    /// <summary>Backoff while the path is absent.</summary>
    public ReconnectPolicy Reconnect { get; set; } = new();
}
