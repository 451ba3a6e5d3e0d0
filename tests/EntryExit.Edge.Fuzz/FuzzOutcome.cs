namespace EntryExit.Edge.Fuzz;

/// <summary>What one target's run did.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Inputs">Inputs checked (including the shrinking of a failure).</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Failure">The smallest failing input in corpus form, or null.</param>
/// <param name="Problem">What failed for it.</param>
/// <param name="CheckMessage">CsCheck's summary line (it holds the seed to reproduce).</param>
public sealed record FuzzOutcome(string Target, long Inputs, TimeSpan Elapsed, byte[]? Failure, string? Problem, string? CheckMessage)
{
    /// <summary>Inputs per second over the run.</summary>
    public double InputsPerSecond => Inputs / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
