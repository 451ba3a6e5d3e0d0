using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Ops;

/// <summary>What a technician asks the running gateway: never personal data, only states, counts and times.</summary>
/// <param name="GatewayId">The gateway's id.</param>
/// <param name="Version">The running version.</param>
/// <param name="StartedAt">When the service started.</param>
/// <param name="Now">When this status was taken.</param>
/// <param name="Readers">Reader id to state ("connected", "disconnected"…).</param>
/// <param name="Broker">The MQTT link state ("connected", "connecting", "disconnected").</param>
/// <param name="Reconnects">Reconnections since start.</param>
/// <param name="Outbox">The outbox counts.</param>
/// <param name="LastDelivery">When the broker last acknowledged a record, or null.</param>
/// <param name="DeliveredSinceStart">Records acknowledged since start.</param>
/// <param name="SinceStart">Scan counts since start.</param>
/// <param name="Today">Scan counts since local midnight at the port (or since start, if later).</param>
/// <param name="DeliveredToday">Records acknowledged since local midnight (or since start).</param>
/// <param name="Stalls">Pipeline loops that made no progress for too long; empty when healthy.</param>
public sealed record GatewayStatus(
    string GatewayId,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset Now,
    IReadOnlyDictionary<string, string> Readers,
    string Broker,
    int Reconnects,
    OutboxStatus Outbox,
    DateTimeOffset? LastDelivery,
    long DeliveredSinceStart,
    GatewayCountsSnapshot SinceStart,
    GatewayCountsSnapshot Today,
    long DeliveredToday,
    IReadOnlyList<string> Stalls)
{
    /// <summary>Readers currently connected.</summary>
    public int ReadersConnected => Readers.Values.Count(s => s == "connected");
}
