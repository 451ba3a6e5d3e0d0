namespace EntryExit.Edge.Host.Pipeline;

/// <summary>What became of a scan. The booth's indicators follow it.</summary>
public enum ScanOutcomeKind
{
    /// <summary>Eligible and durably stored in the outbox: green.</summary>
    Stored,
    /// <summary>Eligible, and the same document was stored within the dedupe window: green, nothing new stored.</summary>
    Duplicate,
    /// <summary>Not eligible: dropped at once, never stored or sent: green (nothing for the traveller to do).</summary>
    Excluded,
    /// <summary>Needs review or an officer declaration: red.</summary>
    Held,
    /// <summary>The frame is no readable MRZ: amber, rescan.</summary>
    Unreadable,
    /// <summary>Eligible but the outbox refused it (full): red, the officer must act.</summary>
    Rejected,
}
