namespace EntryExit.Edge.Storage;

/// <summary>A pending record handed to the forwarder. <see cref="Payload"/> holds personal data: never log it.</summary>
/// <param name="RecordId">The UUIDv7 minted at the gateway: the idempotency key at the exchange.</param>
/// <param name="Sequence">Monotonic position in the outbox (oldest first).</param>
/// <param name="Payload">The EntryRecord as UTF-8 JSON, decrypted.</param>
/// <param name="Attempts">How many delivery attempts have failed so far.</param>
/// <param name="CreatedAt">When the record entered the outbox.</param>
public sealed record OutboxItem(Guid RecordId, long Sequence, ReadOnlyMemory<byte> Payload, int Attempts, DateTimeOffset CreatedAt);
