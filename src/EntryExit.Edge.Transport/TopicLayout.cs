namespace EntryExit.Edge.Transport;

/// <summary>The topics one gateway uses, built once from the prefix and its identity.</summary>
public sealed class TopicLayout
{
    /// <summary>Builds the layout; every segment must be a plain topic level (no '/', '+', '#').</summary>
    public TopicLayout(string prefix, GatewayIdentity identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(identity);
        if (prefix.StartsWith('/') || prefix.EndsWith('/') || prefix.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new ArgumentException("The topic prefix must not start or end with '/' nor hold wildcards.", nameof(prefix));
        }

        var portBase = $"{prefix}/{Level(identity.EntryCountry)}/{Level(identity.PortCode)}";
        Entries = portBase + "/entries";
        var gatewayBase = $"{portBase}/gateways/{Level(identity.GatewayId)}";
        Status = gatewayBase + "/status";
        Health = gatewayBase + "/health";
    }

    /// <summary>Where entry records go: <c>{prefix}/{entryCountry}/{portCode}/entries</c>.</summary>
    public string Entries { get; }

    /// <summary>Retained online/offline status (and the Last Will).</summary>
    public string Status { get; }

    /// <summary>Periodic health messages.</summary>
    public string Health { get; }

    /// <summary>True when <paramref name="value"/> can be used as one topic level.</summary>
    public static bool IsPlainLevel(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.AsSpan().IndexOfAny('/', '+', '#') < 0;

    private static string Level(string value) =>
        IsPlainLevel(value) ? value : throw new ArgumentException($"'{value}' is not a valid topic level.", nameof(value));
}
