namespace EntryExit.Edge.Chaos.Faults;

/// <summary>One planned fault.</summary>
/// <param name="AtProgress">Share of the run's scans sent when it fires (0–1).</param>
/// <param name="Kind">What happens.</param>
/// <param name="Duration">How long it lasts (kill: the pause before the restart; broker: how long it is down).</param>
internal sealed record FaultStep(double AtProgress, FaultKind Kind, TimeSpan Duration)
{
    /// <summary>Slow network: latency per chunk.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Slow network: bytes per second per direction.</summary>
    public int BytesPerSecond { get; init; }

    /// <summary>Clock jump: the gateway's clock becomes real time plus this.</summary>
    public TimeSpan ClockOffset { get; init; }

    /// <summary>
    /// Clock jump backwards while records wait: the link is black-holed first (records pile up in the outbox), the
    /// clock steps back, the gateway is killed and restarted (its in-memory fresh lane is gone: only the outbox
    /// knows the waiting records), then the link heals.
    /// </summary>
    public bool WhileRecordsWait { get; init; }
}
