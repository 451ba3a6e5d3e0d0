namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>Switches of the eligibility policy.</summary>
/// <param name="Mode">The exchange mode; <see cref="ExchangeMode.PhaseII"/> by default.</param>
/// <param name="ShareProtectedGroupsInAllTravellers">Whether Registered Indians and protected persons are sent under
/// <see cref="ExchangeMode.AllTravellers"/>. Unconfirmed policy, so off by default (shared/domain.md §7).</param>
public sealed record PolicyOptions(ExchangeMode Mode = ExchangeMode.PhaseII, bool ShareProtectedGroupsInAllTravellers = false)
{
    /// <summary>Phase II, protected groups excluded.</summary>
    public static PolicyOptions Default { get; } = new();
}
