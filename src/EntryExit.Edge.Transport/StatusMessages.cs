using System.Text.Json;

namespace EntryExit.Edge.Transport;

/// <summary>JSON bodies of the gateway status and health messages. Counts and states only, never personal data.</summary>
internal static class StatusMessages
{
    public static byte[] Status(GatewayIdentity identity, string state, DateTimeOffset at) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["gatewayId"] = identity.GatewayId,
            ["entryCountry"] = identity.EntryCountry,
            ["portCode"] = identity.PortCode,
            ["state"] = state,
            ["version"] = identity.Version,
            ["at"] = at,
        });

    public static byte[] Health(GatewayIdentity identity, GatewayHealth health, LinkState link, int reconnects, DateTimeOffset at) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["gatewayId"] = identity.GatewayId,
            ["version"] = identity.Version,
            ["at"] = at,
            ["link"] = link.ToString(),
            ["reconnects"] = reconnects,
            ["outboxDepth"] = health.OutboxDepth,
            ["oldestPendingAgeSeconds"] = health.OldestPendingAge is { } age ? Math.Round(age.TotalSeconds) : null,
            ["readers"] = health.ReaderStates,
        });
}
