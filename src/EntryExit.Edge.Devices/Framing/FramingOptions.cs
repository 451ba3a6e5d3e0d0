namespace EntryExit.Edge.Devices.Framing;

/// <summary>Framing settings of one document reader (bound from configuration).</summary>
public sealed class FramingOptions
{
    /// <summary>The framing the reader speaks.</summary>
    public FramingKind Kind { get; set; } = FramingKind.Lines;

    /// <summary>
    /// Silence after which pending lines form a document. Required for <see cref="FramingKind.IdleTimeout"/>
    /// (default 300 ms there); optional for <see cref="FramingKind.Lines"/>; unused otherwise.
    /// </summary>
    public TimeSpan? IdleGap { get; set; }

    /// <summary>Longest line kept (MRZ lines are at most 44 characters); longer lines are dropped as garbage.</summary>
    public int MaxLineLength { get; set; } = 128;

    /// <summary>Most lines in one frame; a longer run is cut into a frame so memory stays bounded.</summary>
    public int MaxLinesPerFrame { get; set; } = 6;

    /// <summary>3M: the body starts with one flag byte before the first line.</summary>
    public bool ThreeMFlagByte { get; set; } = true;

    /// <summary>3M: one block-check byte follows the ETX.</summary>
    public bool ThreeMBlockCheck { get; set; } = true;

    /// <summary>3M: the reader's <c>_</c> filler is turned into <c>&lt;</c>, the filler every consumer expects.</summary>
    public bool ThreeMNormalisePadding { get; set; } = true;
}
