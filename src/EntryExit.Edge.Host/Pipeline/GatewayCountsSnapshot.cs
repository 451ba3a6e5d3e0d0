namespace EntryExit.Edge.Host.Pipeline;

/// <summary>Counters since start. No personal data.</summary>
/// <param name="Scanned">Frames processed.</param>
/// <param name="Stored">Eligible records durably stored.</param>
/// <param name="Duplicates">Eligible scans that matched a record stored within the dedupe window.</param>
/// <param name="Unreadable">Frames that were no readable MRZ.</param>
/// <param name="Rejected">Eligible records the outbox refused (full).</param>
/// <param name="ExcludedByCategory">Dropped documents by category.</param>
/// <param name="HeldByRule">Held documents by the rule that held them.</param>
public sealed record GatewayCountsSnapshot(
    long Scanned,
    long Stored,
    long Duplicates,
    long Unreadable,
    long Rejected,
    IReadOnlyDictionary<string, long> ExcludedByCategory,
    IReadOnlyDictionary<string, long> HeldByRule)
{
    /// <summary>All excluded documents.</summary>
    public long Excluded => ExcludedByCategory.Values.Sum();

    /// <summary>All held documents.</summary>
    public long Held => HeldByRule.Values.Sum();
}
