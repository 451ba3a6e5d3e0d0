using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Storage;

/// <summary>Every outbox log line. Arguments are ids, counts, codes and paths: never personal data.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Outbox opened at {Path}: schema v{Version}, {Held} records held, key id {KeyId}")]
    public static partial void Opened(ILogger logger, string path, int version, long held, string keyId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical,
        Message = "Outbox {Path} failed its integrity check ({Damage}); moved aside to {MovedTo} and started a fresh outbox")]
    public static partial void CorruptMovedAside(ILogger logger, string path, string damage, string movedTo);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error,
        Message = "Outbox refused a record ({Code}): {Reason}")]
    public static partial void Rejected(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Outbox accepts records again after {Code}")]
    public static partial void Recovered(ILogger logger, string code);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "Outbox expired {Count} pending records older than {MaxAge}")]
    public static partial void Expired(ILogger logger, int count, TimeSpan maxAge);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error,
        Message = "Outbox record {RecordId} cannot be decrypted (key id {KeyId}); dead-lettered")]
    public static partial void BodyUnreadable(ILogger logger, Guid recordId, string keyId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Outbox write of {Count} records failed ({ErrorCode})")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count, int errorCode);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information,
        Message = "Outbox maintenance: {Expired} expired, {StubsRemoved} audit stubs removed, {Pages} pages reclaimed")]
    public static partial void Maintenance(ILogger logger, int expired, int stubsRemoved, long pages);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Outbox record {RecordId} dead-lettered")]
    public static partial void DeadLettered(ILogger logger, Guid recordId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Outbox could not delete the sealed bodies of delivered records ({Error}); trying again every second (not logged again until it works) and at the next start")]
    public static partial void BodyDeleteFailed(ILogger logger, string error);
}
