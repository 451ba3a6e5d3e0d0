namespace EntryExit.Edge.Transport;

/// <summary>What a PUBACK reason code means for the record.</summary>
public enum PublishOutcome
{
    /// <summary>The exchange has it: mark delivered.</summary>
    Delivered,

    /// <summary>Worth another try later (quota, broker trouble, nobody subscribed yet).</summary>
    Transient,

    /// <summary>The broker will never take it as sent: dead-letter with the reason code.</summary>
    Permanent,
}
