namespace EntryExit.Edge.Host.Configuration;

/// <summary>Configuration section <c>Outbox</c>: the durable store-and-forward buffer.</summary>
public sealed class OutboxSection
{
    /// <summary>The SQLite file. Default: <c>$STATE_DIRECTORY/outbox.db</c> under systemd, else <c>./outbox.db</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The 32-byte key file sealing record bodies. Default: <c>outbox.key</c> in <c>$CREDENTIALS_DIRECTORY</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The same document at the same gateway within this many minutes is stored once (default 10).</summary>
    public double DedupeWindowMinutes { get; set; } = 10;

    /// <summary>Pending records older than this many days become expired, with an alarm (default 30).</summary>
    public double MaxPendingAgeDays { get; set; } = 30;

    /// <summary>Days an audit stub (no personal data) is kept after delivery (default 14).</summary>
    public double DeliveredRetentionDays { get; set; } = 14;

    /// <summary>Size cap of the file in bytes (default 1 GiB); when full, new records are refused, never dropped silently.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Cap on records held (default 1,000,000).</summary>
    public long MaxRecords { get; set; } = 1_000_000;
}
