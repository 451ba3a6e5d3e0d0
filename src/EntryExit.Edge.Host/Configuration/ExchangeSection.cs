namespace EntryExit.Edge.Host.Configuration;

/// <summary>Configuration section <c>Exchange</c>: which population the exchange covers.</summary>
public sealed class ExchangeSection
{
    /// <summary>"phase-ii" (default) or "all-travellers".</summary>
    public string Mode { get; set; } = "phase-ii";

    /// <summary>Under all-travellers, whether Registered Indians and protected persons are sent (default: no).</summary>
    public bool ShareProtectedGroupsInAllTravellers { get; set; }
}
