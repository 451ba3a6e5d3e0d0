using System.Globalization;

namespace EntryExit.Edge.Host.Ops;

/// <summary>systemd's watchdog settings for this process, from <c>WATCHDOG_USEC</c> and <c>WATCHDOG_PID</c>.</summary>
/// <param name="PetInterval">Half of WatchdogSec, as sd_watchdog_enabled(3) advises; null when no watchdog is armed.</param>
public sealed record WatchdogTiming(TimeSpan? PetInterval)
{
    /// <summary>Reads the environment systemd set for the main process.</summary>
    public static WatchdogTiming FromEnvironment(Func<string, string?> environment, int processId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!long.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return new WatchdogTiming((TimeSpan?)null);
        }

        // WATCHDOG_PID names the process systemd watches; a child that inherited the variables must not pet for it.
        var pid = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return new WatchdogTiming((TimeSpan?)null);
        }

        return new WatchdogTiming(TimeSpan.FromMicroseconds(usec / 2.0));
    }
}
