namespace EntryExit.Edge.Storage;

/// <summary>How an append ended.</summary>
public enum AppendOutcome
{
    /// <summary>The record is stored durably (its transaction is committed and synced).</summary>
    Stored = 0,

    /// <summary>
    /// Nothing new was stored: the same record id is already there, or the same document was scanned at this
    /// gateway within <see cref="OutboxOptions.DedupeWindow"/>. The earlier record will be delivered.
    /// </summary>
    Duplicate = 1,

    /// <summary>The record was not stored (outbox full, disk full); see <see cref="AppendResult.ErrorCode"/>.</summary>
    Rejected = 2,
}
