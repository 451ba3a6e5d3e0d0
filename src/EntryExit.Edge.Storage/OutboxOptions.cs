namespace EntryExit.Edge.Storage;

/// <summary>Configuration of the SQLite outbox (configuration section "Outbox").</summary>
public sealed class OutboxOptions
{
    /// <summary>The name systemd's <c>LoadCredential=</c> gives the key under <c>$CREDENTIALS_DIRECTORY</c> by default.</summary>
    public const string DefaultKeyCredentialName = "outbox.key";

    /// <summary>The database file. Its directory is created if missing; "-wal" and "-shm" files sit beside it.</summary>
    public required string Path { get; set; }

    /// <summary>
    /// The key file: exactly 32 random bytes, mode 0600 or stricter. When null the key is read from
    /// <c>$CREDENTIALS_DIRECTORY/</c><see cref="KeyCredentialName"/> (systemd <c>LoadCredential=</c>).
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>The credential name looked up under <c>$CREDENTIALS_DIRECTORY</c> when <see cref="KeyFile"/> is null.</summary>
    public string KeyCredentialName { get; set; } = DefaultKeyCredentialName;

    /// <summary>
    /// The key as bytes, for in-process callers (benchmarks, tools); when set it wins over <see cref="KeyFile"/>.
    /// Must be exactly 32 bytes.
    /// </summary>
    public ReadOnlyMemory<byte> Key { get; set; }

    /// <summary>
    /// Older key files still able to open rows sealed before a rotation. New rows are always sealed with the
    /// current key; once no row uses an old key it can be removed from this list.
    /// </summary>
    public IReadOnlyList<string> PreviousKeyFiles { get; set; } = [];

    /// <summary>This gateway's id; part of the dedupe key derivation so hashes are not comparable across gateways.</summary>
    public required string GatewayId { get; set; }

    /// <summary>The same document scanned again within this window is stored once. Default 10 minutes.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Pending records older than this become <see cref="OutboxState.Expired"/> (with an alarm). Default 30 days.</summary>
    public TimeSpan MaxPendingAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the audit stub of a delivered record is kept. Default 14 days.</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Size cap on the used part of the database file, in bytes. Default 1 GiB.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Cap on records holding a body (pending, dead-letter, expired). Default 1,000,000.</summary>
    public long MaxRecords { get; set; } = 1_000_000;

    /// <summary>What happens when a cap is reached or the disk is full. Default <see cref="OutboxFullPolicy.RejectNew"/>.</summary>
    public OutboxFullPolicy FullPolicy { get; set; } = OutboxFullPolicy.RejectNew;

    /// <summary>Most appends committed in one group-commit transaction. Default 512.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// How long a record handed out by <see cref="SqliteOutbox.ReadDueAsync"/> stays in flight (in memory only)
    /// before it is handed out again if the forwarder never reported back. Default 5 minutes.
    /// </summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(5);
}
