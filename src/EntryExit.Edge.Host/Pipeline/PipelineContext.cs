using EntryExit.Edge.Devices.Booth;
using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>What every lane shares: the port, the policy, the booth timings, the clock and the counters.</summary>
/// <param name="Port">The port of entry.</param>
/// <param name="Policy">The eligibility switches.</param>
/// <param name="Booth">Booth session timings.</param>
/// <param name="Time">The clock.</param>
/// <param name="Metrics">The gateway's counters.</param>
public sealed record PipelineContext(PortIdentity Port, PolicyOptions Policy, BoothSessionOptions Booth, TimeProvider Time, GatewayMetrics Metrics)
{
    /// <summary>The port's local date at <paramref name="instant"/>: MRZ years resolve against it.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Port.Zone).DateTime);
}
