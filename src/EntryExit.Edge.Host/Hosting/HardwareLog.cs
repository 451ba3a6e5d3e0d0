using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>Log events of the booth hardware (GPIO). Arguments are drivers, chips, lanes and exception types.</summary>
internal static partial class HardwareLog
{
    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "GPIO driver {Driver} on gpiochip{Chip}: {Opened} of {Configured} lane pin maps open")]
    public static partial void Opened(ILogger logger, string driver, int chip, int opened, int configured);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Error, Message = "GPIO_UNAVAILABLE: GPIO driver {Driver} on gpiochip{Chip} cannot be opened ({ExceptionType}: {Reason}); every lane runs without sensors, lights and buttons. Run `entryexit-edge doctor` for the fix")]
    public static partial void ControllerUnavailable(ILogger logger, string driver, int chip, string exceptionType, string reason);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Error, Message = "GPIO_LANE_UNAVAILABLE: lane {Lane}'s pins cannot be opened ({ExceptionType}: {Reason}); the lane runs without sensors, lights and buttons. Check its pin map (Gpio:Lanes) against the wiring")]
    public static partial void LaneUnavailable(ILogger logger, string lane, string exceptionType, string reason);
}
