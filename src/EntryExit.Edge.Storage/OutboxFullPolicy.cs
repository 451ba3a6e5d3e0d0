namespace EntryExit.Edge.Storage;

/// <summary>What the outbox does when its size cap is reached or the disk is full.</summary>
public enum OutboxFullPolicy
{
    /// <summary>
    /// Refuse the new record with <see cref="OutboxErrorCodes.Full"/> (or <see cref="OutboxErrorCodes.DiskFull"/>)
    /// so the booth can say so; nothing already accepted is ever dropped. The only policy today: dropping the
    /// oldest record would break the promise made to an earlier traveller.
    /// </summary>
    RejectNew = 0,
}
