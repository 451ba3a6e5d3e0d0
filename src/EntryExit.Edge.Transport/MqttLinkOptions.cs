namespace EntryExit.Edge.Transport;

/// <summary>The <c>Mqtt</c> configuration section: how to reach the exchange's broker and how to deliver.</summary>
public sealed class MqttLinkOptions
{
    /// <summary>The configuration section name, used as the key path prefix in validation messages.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>Broker host name (must match the server certificate when TLS is on).</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker port; 8883 for TLS by convention.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>TLS 1.2/1.3 on the link. Required unless <see cref="AllowInsecure"/> is true.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>PEM file of the CA the broker certificate must chain to (the only trusted root).</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mTLS.</summary>
    public string? ClientCertFile { get; set; }

    /// <summary>PEM private key of the client certificate; a relative path is looked up in $CREDENTIALS_DIRECTORY when set.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Optional MQTT user name.</summary>
    public string? Username { get; set; }

    /// <summary>Optional MQTT password.</summary>
    public string? Password { get; set; }

    /// <summary>Allows plaintext MQTT (test benches only); a warning is logged at every start.</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>First topic levels, before country and port.</summary>
    public string TopicPrefix { get; set; } = "entryexit/v1";

    /// <summary>"5.0" (default) or "3.1.1".</summary>
    public string ProtocolVersion { get; set; } = "5.0";

    /// <summary>MQTT client id; the gateway id when empty. Must be stable for the persistent session.</summary>
    public string? ClientId { get; set; }

    /// <summary>How long the broker keeps the session after a disconnect (MQTT 5).</summary>
    public uint SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>MQTT keep-alive period.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>Limit on one connection attempt (TCP + TLS + CONNACK).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one publish waits for its PUBACK before it counts as failed and is retried.</summary>
    public TimeSpan PubAckTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most unacknowledged publishes at once; never above the broker's Receive Maximum.</summary>
    public int InFlightWindow { get; set; } = 64;

    /// <summary>Seconds between health messages; 0 turns them off.</summary>
    public int HealthIntervalSeconds { get; set; } = 60;

    /// <summary>First retry delay of a record; doubles per attempt up to 60 s.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When true, PUBACK reason 16 (no matching subscribers) counts as delivered. Default false: see docs/mqtt.md,
    /// the exchange subscribes with a persistent session, so 16 means nobody will ever receive the record.
    /// </summary>
    public bool AcceptNoMatchingSubscribers { get; set; }

    /// <summary>The MQTT client id to use for <paramref name="gatewayId"/>.</summary>
    public string EffectiveClientId(string gatewayId) => string.IsNullOrWhiteSpace(ClientId) ? gatewayId : ClientId;
}
