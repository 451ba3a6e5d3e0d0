namespace EntryExit.Edge.Storage;

/// <summary>Which rows <see cref="SqliteOutbox.PurgeAsync"/> deletes.</summary>
public enum PurgeTarget
{
    /// <summary>Audit stubs of delivered records (before their retention ends).</summary>
    Delivered = 0,

    /// <summary>Expired records, body and stub: the data is given up on for good.</summary>
    Expired = 1,
}
