namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>Who arrives at the booth, and with what document.</summary>
public enum TravellerKind
{
    /// <summary>Canadian citizen with a Canadian passport.</summary>
    CanadianCitizenPassport,

    /// <summary>U.S. citizen with a U.S. passport.</summary>
    UsCitizenPassport,

    /// <summary>U.S. citizen with a U.S. passport card (TD1 <c>IPUSA</c>).</summary>
    UsPassportCard,

    /// <summary>Third-country national with a national passport.</summary>
    ThirdCountryPassport,

    /// <summary>U.S. lawful permanent resident with a green card (TD1 <c>C1USA</c>).</summary>
    UsGreenCard,

    /// <summary>Canadian permanent resident on a foreign passport; the officer declares <c>ca-pr</c>.</summary>
    CanadianPermanentResident,

    /// <summary>Protected person with a Canadian refugee travel document (<c>PT</c>, issuer CAN, nationality XXB).</summary>
    RefugeeTravelDocument,

    /// <summary>Dual national on a third-country passport whom the officer declares a U.S. or Canadian citizen.</summary>
    DeclaredCitizenOnForeignPassport,

    /// <summary>A traveller who presents a visa (MRV-A) instead of a passport.</summary>
    VisaOnly,
}
