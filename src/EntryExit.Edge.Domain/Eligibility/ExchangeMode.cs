namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>Which population the exchange covers.</summary>
public enum ExchangeMode
{
    /// <summary>"phase-ii": third-country nationals, PRs of Canada and LPRs of the U.S. only (the default).</summary>
    PhaseII,
    /// <summary>"all-travellers": every traveller at land ports (once law allows).</summary>
    AllTravellers,
}
