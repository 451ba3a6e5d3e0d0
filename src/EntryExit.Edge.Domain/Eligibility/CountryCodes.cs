namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>The ICAO codes the policy reasons about (Doc 9303 Part 3).</summary>
internal static class CountryCodes
{
    public const string Canada = "CAN";
    public const string UnitedStates = "USA";

    /// <summary>Stateless person (1954 Convention).</summary>
    public const string Stateless = "XXA";

    /// <summary>Refugee (1951 Convention).</summary>
    public const string ConventionRefugee = "XXB";

    /// <summary>Refugee other than under the 1951 Convention.</summary>
    public const string OtherRefugee = "XXC";

    /// <summary>Person of unspecified nationality.</summary>
    public const string Unspecified = "XXX";

    public static bool IsCanadaOrUs(string? code) => code is Canada or UnitedStates;

    public static bool IsRefugeeMarker(string? code) => code is ConventionRefugee or OtherRefugee;
}
