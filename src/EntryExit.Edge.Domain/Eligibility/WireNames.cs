namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>
/// The fixed strings the CLI, the exchange record and the audit trail use for the policy's enums. These strings are a
/// contract (acceptance checks and the central exchange match on them): add, never rename.
/// </summary>
public static class WireNames
{
    /// <summary>The wire form of a decision: "send", "exclude" or "hold".</summary>
    public static string ToWire(Decision decision) => decision switch
    {
        Decision.Send => "send",
        Decision.Exclude => "exclude",
        Decision.Hold => "hold",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a defined decision."),
    };

    /// <summary>The wire form of a traveller category ("third-country-national", "us-permanent-resident"…).</summary>
    public static string ToWire(TravellerCategory category) => category switch
    {
        TravellerCategory.ThirdCountryNational => "third-country-national",
        TravellerCategory.CanadianPermanentResident => "canadian-permanent-resident",
        TravellerCategory.UsPermanentResident => "us-permanent-resident",
        TravellerCategory.CanadianCitizen => "canadian-citizen",
        TravellerCategory.UsCitizen => "us-citizen",
        TravellerCategory.RegisteredIndian => "registered-indian",
        TravellerCategory.ProtectedPerson => "protected-person",
        TravellerCategory.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined category."),
    };

    /// <summary>The wire form of an officer-declared status ("none", "canadian-citizen"…).</summary>
    public static string ToWire(DeclaredStatus status) => status switch
    {
        DeclaredStatus.None => "none",
        DeclaredStatus.CanadianCitizen => "canadian-citizen",
        DeclaredStatus.UsCitizen => "us-citizen",
        DeclaredStatus.RegisteredIndian => "registered-indian",
        DeclaredStatus.ProtectedPerson => "protected-person",
        DeclaredStatus.CanadianPermanentResident => "canadian-permanent-resident",
        DeclaredStatus.UsPermanentResident => "us-permanent-resident",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined status."),
    };

    /// <summary>The wire form of an exchange mode: "phase-ii" or "all-travellers".</summary>
    public static string ToWire(ExchangeMode mode) => mode switch
    {
        ExchangeMode.PhaseII => "phase-ii",
        ExchangeMode.AllTravellers => "all-travellers",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a defined mode."),
    };

    /// <summary>Parses a decision's wire form, ignoring case. Never throws.</summary>
    public static bool TryParseDecision(string? text, out Decision decision) =>
        TryParse(text, Enum.GetValues<Decision>(), ToWire, out decision);

    /// <summary>Parses a category's wire form, ignoring case. Never throws.</summary>
    public static bool TryParseCategory(string? text, out TravellerCategory category) =>
        TryParse(text, Enum.GetValues<TravellerCategory>(), ToWire, out category);

    /// <summary>Parses a declared status's wire form, ignoring case. Never throws.</summary>
    public static bool TryParseDeclaredStatus(string? text, out DeclaredStatus status) =>
        TryParse(text, Enum.GetValues<DeclaredStatus>(), ToWire, out status);

    /// <summary>Parses an exchange mode's wire form, ignoring case. Never throws.</summary>
    public static bool TryParseMode(string? text, out ExchangeMode mode) =>
        TryParse(text, Enum.GetValues<ExchangeMode>(), ToWire, out mode);

    // A linear scan over at most eight names: cheaper to keep in sync than a second hand-written table.
    private static bool TryParse<T>(string? text, T[] values, Func<T, string> toWire, out T value)
        where T : struct, Enum
    {
        if (text is not null)
        {
            foreach (var candidate in values)
            {
                if (string.Equals(toWire(candidate), text, StringComparison.OrdinalIgnoreCase))
                {
                    value = candidate;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
