using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>One lane of a scenario.</summary>
public sealed class ScenarioLane
{
    /// <summary>Lane name (the gateway's reader for it must use the same lane).</summary>
    public string Lane { get; set; } = "1";

    /// <summary>The framing its reader speaks.</summary>
    public SimFraming Framing { get; set; } = SimFraming.StxEtx;
}
