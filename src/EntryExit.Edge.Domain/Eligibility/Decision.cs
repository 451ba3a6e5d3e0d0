namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>What the gateway does with a document.</summary>
public enum Decision
{
    /// <summary>"send": build an EntryRecord, buffer it and forward it to the exchange.</summary>
    Send,
    /// <summary>"exclude": drop at once; never stored, never sent.</summary>
    Exclude,
    /// <summary>"hold": keep out of the outbox and ask for review or an officer declaration.</summary>
    Hold,
}
