namespace EntryExit.Edge.Transport;

/// <summary>Exponential backoff with "equal jitter", capped: half the step is fixed, half random.</summary>
public static class RetryBackoff
{
    /// <summary>The ceiling every backoff respects.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Delay before attempt number <paramref name="attempt"/> + 1 (0-based): initial × 2^attempt, at most
    /// <see cref="Cap"/>, then jittered into [step/2, step] so that many gateways do not retry in lockstep.
    /// </summary>
    public static TimeSpan Compute(int attempt, TimeSpan initial, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attempt, 0, 30);
        var stepMs = Math.Min(Cap.TotalMilliseconds, Math.Max(1, initial.TotalMilliseconds) * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((stepMs / 2) + (random.NextDouble() * stepMs / 2));
    }
}
