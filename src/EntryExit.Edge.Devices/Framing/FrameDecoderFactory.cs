namespace EntryExit.Edge.Devices.Framing;

/// <summary>Builds the decoder a reader's configuration names.</summary>
public static class FrameDecoderFactory
{
    /// <summary>Default idle gap for <see cref="FramingKind.IdleTimeout"/> when none is configured.</summary>
    public static readonly TimeSpan DefaultIdleGap = TimeSpan.FromMilliseconds(300);

    /// <summary>Creates a fresh decoder (one per reader).</summary>
    /// <param name="options">The reader's framing settings.</param>
    /// <param name="timeProvider">Clock for idle gaps.</param>
    /// <returns>The decoder.</returns>
    public static IFrameDecoder Create(FramingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind switch
        {
            FramingKind.Lines => new LineFrameDecoder(options, timeProvider, blankLineEndsDocument: true),
            FramingKind.IdleTimeout => new LineFrameDecoder(
                new FramingOptions
                {
                    IdleGap = options.IdleGap ?? DefaultIdleGap,
                    MaxLineLength = options.MaxLineLength,
                    MaxLinesPerFrame = options.MaxLinesPerFrame,
                },
                timeProvider,
                blankLineEndsDocument: false),
            FramingKind.StxEtx => new StxEtxFrameDecoder(options),
            FramingKind.ThreeM => new ThreeMFrameDecoder(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown framing kind."),
        };
    }
}
