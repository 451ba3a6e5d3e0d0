namespace EntryExit.Edge.Devices.Booth;

/// <summary>Booth session timing.</summary>
public sealed class BoothSessionOptions
{
    /// <summary>Lane without a presence sensor: the session is final this long after the last good read or declaration.</summary>
    public TimeSpan NoSensorSettleTime { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a hold waits for the officer's declaration before the record goes on unresolved.</summary>
    public TimeSpan DeclarationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest session even if the presence sensor never clears (a stuck beam).</summary>
    public TimeSpan MaxSessionTime { get; set; } = TimeSpan.FromMinutes(5);
}
