using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Devices.Display;

/// <summary>Lane display log events. The display only ever shows the booth's step, so nothing here is personal.</summary>
internal static partial class DisplayLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Lane {Lane}: the LCD cannot be written ({ExceptionType}: {Reason}); the lane works without it. Check the display's I2C bus and address (i2cdetect) and its cable; it is tried again at the next change")]
    public static partial void Failed(ILogger logger, string lane, string exceptionType, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Lane {Lane}: the LCD works again")]
    public static partial void Recovered(ILogger logger, string lane);
}
