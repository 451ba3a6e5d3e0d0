using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>One lane of a scenario.</summary>
public sealed class ScenarioLane
{
    /// <summary>Lane name (the gateway's reader for it must use the same lane).</summary>
    public string Lane { get; set; } = "1";

    /// <summary>The framing its reader speaks.</summary>
    public SimFraming Framing { get; set; } = SimFraming.StxEtx;

    /// <summary>
    /// The least silence, in real milliseconds, the reader keeps between two sends (documents, declarations, noise);
    /// a send due sooner waits. A bare-line reader's documents are told apart by silence alone, and a real one cannot
    /// scan twice within less than its scan time, but a day played many times faster than real time would put a
    /// rescan right behind the misread. Null: 1000 for <see cref="SimFraming.BareLines"/> (beyond the gateway's
    /// default idle gap), 0 for the framings whose frames carry their own ends.
    /// </summary>
    public int? MinimumSilenceMilliseconds { get; set; }

    /// <summary>The silence in effect (see <see cref="MinimumSilenceMilliseconds"/>).</summary>
    /// <returns>The minimum time between two sends.</returns>
    public TimeSpan EffectiveMinimumSilence() => TimeSpan.FromMilliseconds(
        MinimumSilenceMilliseconds ?? (Framing == SimFraming.BareLines ? DefaultBareLinesSilenceMilliseconds : 0));

    /// <summary>The default silence between sends of a bare-line reader.</summary>
    public const int DefaultBareLinesSilenceMilliseconds = 1000;
}
