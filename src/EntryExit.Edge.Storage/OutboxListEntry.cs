namespace EntryExit.Edge.Storage;

/// <summary>One row as a technician sees it: no body, no personal data.</summary>
/// <param name="RecordId">The record's UUIDv7.</param>
/// <param name="Sequence">Monotonic position in the outbox.</param>
/// <param name="State">Persisted state.</param>
/// <param name="CreatedAt">When the record entered the outbox.</param>
/// <param name="UpdatedAt">When the row last changed state or was retried.</param>
/// <param name="NextAttemptAt">When a pending record is next due.</param>
/// <param name="Attempts">Failed delivery attempts.</param>
/// <param name="LastError">The last delivery error or dead-letter reason (codes and transport text only).</param>
public sealed record OutboxListEntry(
    Guid RecordId,
    long Sequence,
    OutboxState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset NextAttemptAt,
    int Attempts,
    string? LastError);
