namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>Clock sanity: records carry entry times, and TLS fails with a wrong clock.</summary>
internal static class ClockCheck
{
    // No gateway was built before this date: a clock earlier than it was never set (a board without an RTC battery).
    private static readonly DateTimeOffset Earliest = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // systemd-timesyncd touches this file when it has synchronised (see systemd-timesyncd.service(8)).
    private const string TimesyncMarker = "/run/systemd/timesync/synchronized";

    public static DoctorCheck Check(TimeProvider time, Func<string, bool> fileExists)
    {
        var now = time.GetUtcNow();
        if (now < Earliest)
        {
            return DoctorCheck.Fail("clock", $"the clock says {now:yyyy-MM-dd HH:mm} UTC, before this software existed",
                "Set the time (timedatectl set-ntp true, check the NTP server is reachable); entry times and TLS depend on it.");
        }

        return fileExists(TimesyncMarker)
            ? DoctorCheck.Ok("clock", $"clock {now:yyyy-MM-dd HH:mm} UTC, synchronised by systemd-timesyncd")
            : DoctorCheck.Warn("clock", $"clock {now:yyyy-MM-dd HH:mm} UTC; synchronisation not confirmed",
                "Check `timedatectl status` (\"System clock synchronized: yes\"); enable with timedatectl set-ntp true or chrony.");
    }
}
