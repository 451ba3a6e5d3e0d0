using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Transport;

/// <summary>Every log line of the transport. Record ids may be logged; payloads never.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(4001, LogLevel.Warning, "MQTT link is PLAINTEXT (Mqtt:AllowInsecure is true) to {Host}:{Port}; records travel unencrypted. Use TLS outside a test bench.")]
    public static partial void InsecureLink(ILogger logger, string host, int port);

    [LoggerMessage(4002, LogLevel.Information, "MQTT connected to {Host}:{Port} (session present: {SessionPresent}, broker receive maximum: {ReceiveMaximum}, reconnects: {Reconnects})")]
    public static partial void Connected(ILogger logger, string host, int port, bool sessionPresent, int receiveMaximum, int reconnects);

    [LoggerMessage(4003, LogLevel.Warning, "MQTT connection to {Host}:{Port} failed ({Reason}); next attempt in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(4004, LogLevel.Warning, "MQTT link lost ({Reason})")]
    public static partial void LinkLost(ILogger logger, string reason);

    [LoggerMessage(4005, LogLevel.Warning, "Could not publish the gateway status ({Reason})")]
    public static partial void StatusFailed(ILogger logger, string reason);

    [LoggerMessage(4010, LogLevel.Debug, "Record {RecordId} delivered")]
    public static partial void Delivered(ILogger logger, Guid recordId);

    [LoggerMessage(4011, LogLevel.Warning, "Record {RecordId} not delivered ({Reason}); retry at {NotBefore}")]
    public static partial void RetryScheduled(ILogger logger, Guid recordId, string reason, DateTimeOffset notBefore);

    [LoggerMessage(4012, LogLevel.Error, "Record {RecordId} refused for good by the broker ({Reason}); moved to dead-letter. Check the gateway's broker ACL and topic prefix.")]
    public static partial void DeadLettered(ILogger logger, Guid recordId, string reason);

    [LoggerMessage(4013, LogLevel.Warning, "Broker reports no subscriber for record {RecordId}: the exchange's persistent session is missing; the record stays in the outbox and is retried.")]
    public static partial void NoSubscribers(ILogger logger, Guid recordId);

    [LoggerMessage(4014, LogLevel.Error, "Delivery pump step failed ({Reason}); continuing after {Delay}")]
    public static partial void PumpFault(ILogger logger, string reason, TimeSpan delay);
}
