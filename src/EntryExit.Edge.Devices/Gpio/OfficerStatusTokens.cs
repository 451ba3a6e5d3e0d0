namespace EntryExit.Edge.Devices.Gpio;

/// <summary>
/// The officer-declared statuses as the booth hardware names them (buttons, <c>#DECLARE</c> lines). The gateway
/// maps each token to its domain status; Devices only carries the token.
/// </summary>
public static class OfficerStatusTokens
{
    /// <summary>Canadian citizen.</summary>
    public const string CanadianCitizen = "ca-citizen";

    /// <summary>U.S. citizen.</summary>
    public const string UsCitizen = "us-citizen";

    /// <summary>Registered Indian (Indian Act).</summary>
    public const string RegisteredIndian = "registered-indian";

    /// <summary>Protected person.</summary>
    public const string ProtectedPerson = "protected-person";

    /// <summary>Canadian permanent resident.</summary>
    public const string CanadianPermanentResident = "ca-pr";

    /// <summary>U.S. lawful permanent resident.</summary>
    public const string UsPermanentResident = "us-lpr";

    /// <summary>The officer checked and declares nothing special.</summary>
    public const string None = "none";

    /// <summary>All tokens.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CanadianCitizen, UsCitizen, RegisteredIndian, ProtectedPerson, CanadianPermanentResident, UsPermanentResident, None,
    };
}
