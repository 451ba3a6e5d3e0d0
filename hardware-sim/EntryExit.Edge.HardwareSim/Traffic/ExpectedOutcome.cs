namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>Ground truth for a traveller under the Phase II rules: what the gateway must do with the record.</summary>
public enum ExpectedOutcome
{
    /// <summary>Eligible: the record must reach the exchange.</summary>
    Send,

    /// <summary>Citizen, Registered Indian or protected person: nothing may be stored or sent.</summary>
    Exclude,

    /// <summary>Not decidable from the document (no good read, visa only): held for review.</summary>
    Hold,
}
