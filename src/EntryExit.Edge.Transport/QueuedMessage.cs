namespace EntryExit.Edge.Transport;

/// <summary>One record waiting for delivery: its id, the record JSON bytes exactly as stored, and its history.</summary>
/// <param name="RecordId">The record's idempotency key; sent as the <c>record-id</c> user property.</param>
/// <param name="Payload">The EntryRecord JSON (schema v1). Personal data: never logged.</param>
/// <param name="Attempts">Failed delivery attempts so far; drives the retry backoff.</param>
/// <param name="CreatedAt">When the record entered the outbox.</param>
public sealed record QueuedMessage(Guid RecordId, ReadOnlyMemory<byte> Payload, int Attempts, DateTimeOffset CreatedAt);
