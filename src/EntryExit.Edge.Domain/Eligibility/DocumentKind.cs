namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>What kind of document an MRZ belongs to, as far as the policy needs to know (see docs/eligibility.md for
/// the recognition rules and which of them are assumptions).</summary>
public enum DocumentKind
{
    /// <summary>Not recognised, or no MRZ at all.</summary>
    Other,
    /// <summary>A national passport booklet ("P…").</summary>
    Passport,
    /// <summary>U.S. passport card (TD1 "IP", USA): citizens and nationals only.</summary>
    PassportCard,
    /// <summary>U.S. Permanent Resident Card (TD1 "C1"/"C2", USA); its nationality field is the country of birth.</summary>
    UsPermanentResidentCard,
    /// <summary>Canadian permanent resident card.</summary>
    CanadianPermanentResidentCard,
    /// <summary>A travel document for refugees or protected persons (nationality XXB or XXC).</summary>
    RefugeeTravelDocument,
    /// <summary>Canadian certificate of identity (stateless PRs and PRs who cannot get a passport).</summary>
    CertificateOfIdentity,
    /// <summary>Secure Certificate of Indian Status.</summary>
    IndianStatusCard,
    /// <summary>Enhanced driver's licence or enhanced identification card (citizens only).</summary>
    EnhancedDriversLicence,
    /// <summary>NEXUS, FAST or Global Entry card: open to citizens and permanent residents alike.</summary>
    TrustedTravellerCard,
    /// <summary>Any other identity card (TD1/TD2 "I", "A" or "C" document).</summary>
    IdentityCard,
    /// <summary>A machine-readable visa (MRV-A, MRV-B or a "V" code).</summary>
    Visa,
}
