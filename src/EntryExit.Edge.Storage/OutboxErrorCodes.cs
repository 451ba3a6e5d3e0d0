namespace EntryExit.Edge.Storage;

/// <summary>Stable codes for outbox errors and alarms. Add, never rename: booths and runbooks key on them.</summary>
public static class OutboxErrorCodes
{
    /// <summary>No key configured, or the key file does not exist.</summary>
    public const string KeyMissing = "OUTBOX_KEY_MISSING";
    /// <summary>The key file exists but cannot be read.</summary>
    public const string KeyUnreadable = "OUTBOX_KEY_UNREADABLE";
    /// <summary>The key is not exactly 32 bytes.</summary>
    public const string KeyWrongSize = "OUTBOX_KEY_WRONG_SIZE";
    /// <summary>The key file can be read or written by group or others.</summary>
    public const string KeyPermissions = "OUTBOX_KEY_PERMISSIONS";
    /// <summary>The outbox holds records sealed under a key that is not configured.</summary>
    public const string KeyMismatch = "OUTBOX_KEY_MISMATCH";
    /// <summary>The database cannot be opened or created (path, permissions).</summary>
    public const string DatabaseUnavailable = "OUTBOX_DB_UNAVAILABLE";
    /// <summary>The database was written by a newer version of the gateway.</summary>
    public const string SchemaTooNew = "OUTBOX_SCHEMA_TOO_NEW";
    /// <summary>Alarm: the database failed its integrity check and was moved aside; a fresh outbox started.</summary>
    public const string CorruptMovedAside = "OUTBOX_CORRUPT_MOVED_ASIDE";
    /// <summary>The size cap (bytes or records) is reached; new records are refused.</summary>
    public const string Full = "OUTBOX_FULL";
    /// <summary>The disk (or file quota) is full; new records are refused until space returns.</summary>
    public const string DiskFull = "OUTBOX_DISK_FULL";
    /// <summary>Alarm: pending records passed the maximum age and were moved to the expired state.</summary>
    public const string Expired = "OUTBOX_EXPIRED";
    /// <summary>A stored body could not be decrypted (tampered or damaged); the row was dead-lettered.</summary>
    public const string BodyUnreadable = "OUTBOX_BODY_UNREADABLE";
    /// <summary>A write failed for a reason other than a full disk (I/O error); the record was not stored.</summary>
    public const string WriteFailed = "OUTBOX_WRITE_FAILED";
    /// <summary>A required outbox setting is missing or out of range.</summary>
    public const string ConfigInvalid = "OUTBOX_CONFIG_INVALID";
    /// <summary>The outbox is closed.</summary>
    public const string Closed = "OUTBOX_CLOSED";
}
