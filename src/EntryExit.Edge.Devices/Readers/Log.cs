using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>Reader log events. Never log frame text: it may hold an MRZ.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Reader {ReaderId} (lane {Lane}) connected to {Source}")]
    public static partial void Connected(ILogger logger, string readerId, string lane, string source);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Reader {ReaderId} (lane {Lane}) disconnected: {Reason}. Check the cable and the device path; retrying in {Delay}")]
    public static partial void Disconnected(ILogger logger, string readerId, string lane, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Reader {ReaderId} (lane {Lane}) fault: {Reason}; retrying in {Delay}")]
    public static partial void Fault(ILogger logger, string readerId, string lane, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Reader {ReaderId} (lane {Lane}) stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string readerId, string lane, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Reader {ReaderId} (lane {Lane}) frame of {Length} characters; {Discarded} bytes discarded so far")]
    public static partial void Frame(ILogger logger, string readerId, string lane, int length, long discarded);
}
