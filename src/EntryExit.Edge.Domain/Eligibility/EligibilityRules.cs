namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>Stable ids of the policy's rules (shared/domain.md §7, numbered as there). Audit trails and acceptance
/// checks match on them: add, never rename.</summary>
public static class EligibilityRules
{
    /// <summary>Row 1: unreadable MRZ or failed check digits.</summary>
    public const string DocumentInvalid = "R1-document-invalid";
    /// <summary>Row 2: officer declared a Registered Indian or protected person.</summary>
    public const string DeclaredProtectedGroup = "R2-declared-protected-group";
    /// <summary>Row 3: Secure Certificate of Indian Status.</summary>
    public const string IndianStatusCard = "R3-indian-status-card";
    /// <summary>Row 4: Canadian refugee travel document.</summary>
    public const string RefugeeTravelDocument = "R4-refugee-travel-document";
    /// <summary>Row 5: officer declared a Canadian or U.S. citizen.</summary>
    public const string DeclaredCitizen = "R5-declared-citizen";
    /// <summary>Added row 5a: all-travellers with protected groups excluded, a Canadian card that could be an SCIS.</summary>
    public const string UnverifiedCanadianCard = "R5a-unverified-canadian-card";
    /// <summary>Row 6: a Canadian or U.S. passport, passport card or enhanced licence.</summary>
    public const string CitizenDocument = "R6-citizen-document";
    /// <summary>Row 6, variant: a citizen's document with a permanent-resident declaration (contradictory).</summary>
    public const string CitizenDocumentDeclaredResident = "R6b-citizen-document-declared-resident";
    /// <summary>Row 7: U.S. Permanent Resident Card.</summary>
    public const string UsPermanentResidentCard = "R7-us-permanent-resident-card";
    /// <summary>Row 8: Canadian PR card or certificate of identity.</summary>
    public const string CanadianResidentDocument = "R8-canadian-resident-document";
    /// <summary>Row 9: NEXUS, FAST or Global Entry card.</summary>
    public const string TrustedTravellerCard = "R9-trusted-traveller-card";
    /// <summary>Row 10: a passport of a third country.</summary>
    public const string ThirdCountryPassport = "R10-third-country-passport";
    /// <summary>Row 11: anything else.</summary>
    public const string Unrecognised = "R11-unrecognised-document";
}
