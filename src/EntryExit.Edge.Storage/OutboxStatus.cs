namespace EntryExit.Edge.Storage;

/// <summary>Counts by state and sizes, for health checks and the technician's <c>outbox status</c>.</summary>
/// <param name="Pending">Records waiting for delivery.</param>
/// <param name="DeadLetter">Records given up on after a permanent error.</param>
/// <param name="Expired">Records that stayed pending past the maximum age.</param>
/// <param name="Delivered">Audit stubs of delivered records still within retention.</param>
/// <param name="OldestPendingAge">Age of the oldest pending record; null when none is pending.</param>
/// <param name="FileSizeBytes">Size of the database file.</param>
/// <param name="WalSizeBytes">Size of its write-ahead log.</param>
public sealed record OutboxStatus(
    long Pending,
    long DeadLetter,
    long Expired,
    long Delivered,
    TimeSpan? OldestPendingAge,
    long FileSizeBytes,
    long WalSizeBytes);
