using System.Globalization;

namespace EntryExit.Edge.Host.Ops;

/// <summary>The one line <c>systemctl status</c> shows: "lanes 4/4, broker connected, pending 12, oldest 3m".</summary>
public static class StatusLine
{
    /// <summary>Formats the status for systemd's <c>STATUS=</c>.</summary>
    public static string Format(GatewayStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"lanes {status.ReadersConnected}/{status.Readers.Count}, broker {status.Broker}, pending {status.Outbox.Pending}");
        if (status.Outbox.OldestPendingAge is { } oldest)
        {
            line += ", oldest " + Age(oldest);
        }

        if (status.Outbox.DeadLetter > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", dead-letter {status.Outbox.DeadLetter}");
        }

        line += string.Create(CultureInfo.InvariantCulture, $", sent today {status.DeliveredToday}");
        if (status.Stalls.Count > 0)
        {
            line += ", STALLED: " + string.Join("; ", status.Stalls);
        }

        return line;
    }

    /// <summary>A short age: 45s, 12m, 3h, 2d.</summary>
    public static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalSeconds)}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d"),
    };
}
