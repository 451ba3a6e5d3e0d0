namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>The category a traveller falls in for the exchange.</summary>
public enum TravellerCategory
{
    /// <summary>"third-country-national".</summary>
    ThirdCountryNational,
    /// <summary>"canadian-permanent-resident".</summary>
    CanadianPermanentResident,
    /// <summary>"us-permanent-resident".</summary>
    UsPermanentResident,
    /// <summary>"canadian-citizen".</summary>
    CanadianCitizen,
    /// <summary>"us-citizen".</summary>
    UsCitizen,
    /// <summary>"registered-indian".</summary>
    RegisteredIndian,
    /// <summary>"protected-person".</summary>
    ProtectedPerson,
    /// <summary>"unknown".</summary>
    Unknown,
}
