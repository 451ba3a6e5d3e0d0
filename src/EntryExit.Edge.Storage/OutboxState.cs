namespace EntryExit.Edge.Storage;

/// <summary>
/// The persisted state of an outbox row. "In flight" is deliberately not a state: it lives only in memory,
/// so after a crash every record that was being sent is simply pending again.
/// </summary>
public enum OutboxState
{
    /// <summary>Waiting to be delivered (possibly after a scheduled retry time).</summary>
    Pending = 0,

    /// <summary>Acknowledged by the exchange; the body is gone and only the audit stub remains.</summary>
    Delivered = 1,

    /// <summary>Given up on after a permanent error; kept with its body until a technician requeues or purges it.</summary>
    DeadLetter = 2,

    /// <summary>Pending for longer than <see cref="OutboxOptions.MaxPendingAge"/>; kept with its body and alarmed.</summary>
    Expired = 3,
}
