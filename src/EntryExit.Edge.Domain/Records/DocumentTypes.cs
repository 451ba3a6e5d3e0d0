namespace EntryExit.Edge.Domain.Records;

/// <summary>Normalised document types written to <see cref="EntryRecord.DocumentType"/>. Add, never rename.</summary>
public static class DocumentTypes
{
    /// <summary>A national passport booklet (TD3 "P…").</summary>
    public const string Passport = "passport";
    /// <summary>U.S. passport card (TD1 "IP", USA).</summary>
    public const string PassportCard = "passport-card";
    /// <summary>A U.S. Permanent Resident Card (TD1 "C1"/"C2", USA).</summary>
    public const string UsPermanentResidentCard = "us-permanent-resident-card";
    /// <summary>A Canadian permanent resident card.</summary>
    public const string CanadianPermanentResidentCard = "canadian-permanent-resident-card";
    /// <summary>A travel document issued to a refugee or protected person.</summary>
    public const string RefugeeTravelDocument = "refugee-travel-document";
    /// <summary>A certificate of identity (stateless persons and others who cannot get a passport).</summary>
    public const string CertificateOfIdentity = "certificate-of-identity";
    /// <summary>Secure Certificate of Indian Status.</summary>
    public const string IndianStatusCard = "indian-status-card";
    /// <summary>Enhanced driver's licence or enhanced identification card.</summary>
    public const string EnhancedDriversLicence = "enhanced-drivers-licence";
    /// <summary>NEXUS, FAST or Global Entry card.</summary>
    public const string TrustedTravellerCard = "trusted-traveller-card";
    /// <summary>A national identity card or other TD1/TD2 identity document.</summary>
    public const string IdentityCard = "identity-card";
    /// <summary>A machine-readable visa (MRV-A or MRV-B).</summary>
    public const string Visa = "visa";
    /// <summary>Anything else.</summary>
    public const string Other = "other";
}
