namespace EntryExit.Edge.Devices.Readers;

/// <summary>Exponential backoff between attempts to reopen a device that went away.</summary>
public sealed class ReconnectPolicy
{
    /// <summary>First wait after a failure.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait: the time a replugged reader may wait before it is seen.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before attempt number <paramref name="failures"/> (1-based).</summary>
    /// <param name="failures">Consecutive failures so far.</param>
    /// <returns>The delay.</returns>
    public TimeSpan DelayFor(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks));
        return delay < InitialDelay ? InitialDelay : delay;
    }
}
