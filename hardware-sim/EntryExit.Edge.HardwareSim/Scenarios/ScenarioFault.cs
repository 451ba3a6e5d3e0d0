namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>A fault injected at a moment of the day.</summary>
public sealed class ScenarioFault
{
    /// <summary>When, in simulated seconds from the start.</summary>
    public double AtSeconds { get; set; }

    /// <summary>The lane.</summary>
    public string Lane { get; set; } = "1";

    /// <summary>What happens.</summary>
    public FaultKind Kind { get; set; }

    /// <summary>Unplug: simulated seconds until the replug.</summary>
    public double DurationSeconds { get; set; } = 30;

    /// <summary>Noise: how many bytes.</summary>
    public int Bytes { get; set; } = 32;
}
