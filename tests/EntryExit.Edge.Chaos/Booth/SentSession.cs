using System.Diagnostics;
using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Chaos.Booth;

/// <summary>
/// One traveller's visit at a booth as the simulator sent it: when its frames went out and when the booth session
/// closed (the next traveller's final read on the lane). The runner's ground truth for "was this scan finalised
/// before the kill?". Times are <see cref="Stopwatch"/> timestamps of the runner (never the gateway's clock).
/// </summary>
internal sealed class SentSession(SimulatedTraveller traveller, bool rescan, int gatewayInstance)
{
    public SimulatedTraveller Traveller { get; } = traveller;

    public bool IsRescan { get; } = rescan;

    /// <summary>The gateway process (1, 2, …) that was running when the visit began.</summary>
    public int GatewayInstance { get; } = gatewayInstance;

    public long LastSentAt { get; set; }

    /// <summary>When the next traveller's final read was sent on this lane (it ends this session at once).</summary>
    public long? ClosedAt { get; set; }

    /// <summary>Every frame of the visit (scans, declaration) was sent.</summary>
    public bool Complete { get; set; }

    /// <summary>The time the session ended at the gateway: closed by the next read, or the settle time after the last frame.</summary>
    public long EndedAt(TimeSpan settle) => ClosedAt ?? LastSentAt + Ticks(settle);

    /// <summary>True when the session ended at least <paramref name="grace"/> before <paramref name="at"/>: its record must be durable by then.</summary>
    public bool FinalisedBy(long at, TimeSpan settle, TimeSpan grace) => Complete && EndedAt(settle) + Ticks(grace) <= at;

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
