namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>Faults a scenario can inject.</summary>
public enum FaultKind
{
    /// <summary>Random bytes on the line (no framing bytes).</summary>
    Noise,

    /// <summary>The reader is pulled, then plugged back after the duration.</summary>
    Unplug,
}
