namespace EntryExit.Edge.Chaos.Report;

/// <summary>A run's verdict: its figures, what went wrong (empty when the gateway kept every promise) and the report text.</summary>
internal sealed record ChaosResult(ChaosCounts Counts, IReadOnlyList<string> Problems, string Details)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>The report table (Markdown), as docs/chaos.md records it.</summary>
    public string Table => ChaosReport.Table(Counts);

    public override string ToString() => Table + Environment.NewLine + Details + Environment.NewLine +
        (Passed ? "verdict: PASS" : "verdict: FAIL" + Environment.NewLine + string.Join(Environment.NewLine, Problems.Select(p => "  - " + p)));
}
