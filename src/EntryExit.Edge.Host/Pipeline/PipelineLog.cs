using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>The pipeline's log events. Arguments are ids, lanes, categories, rules and codes: never personal data.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Reader {ReaderId} at lane {Lane} sent a frame that is no readable MRZ ({Code}); the booth asks for a rescan")]
    public static partial void Unreadable(ILogger logger, string readerId, string lane, string code);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Lane {Lane}: document excluded as {Category} by rule {Rule}; dropped, nothing stored")]
    public static partial void Excluded(ILogger logger, string lane, string category, string rule);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Lane {Lane}: document held by rule {Rule}: {Reason}")]
    public static partial void Held(ILogger logger, string lane, string rule, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Lane {Lane}: {Category} record {RecordId} stored (duplicate of a recent scan: {Duplicate})")]
    public static partial void Stored(ILogger logger, string lane, string category, Guid recordId, bool duplicate);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Lane {Lane}: eligible record NOT stored ({Code}): {Message}")]
    public static partial void Rejected(ILogger logger, string lane, string code, string message);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Lane {Lane}: officer declared {Status} for the next document")]
    public static partial void Declaration(ILogger logger, string lane, string status);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Lane {Lane}: traveller {Movement} (presence sensor)")]
    public static partial void Presence(ILogger logger, string lane, string movement);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Error, Message = "Processing a scan from reader {ReaderId} failed unexpectedly ({ExceptionType}); the scan is lost and the booth must rescan")]
    public static partial void ProcessingFailed(ILogger logger, string readerId, string exceptionType);
}
