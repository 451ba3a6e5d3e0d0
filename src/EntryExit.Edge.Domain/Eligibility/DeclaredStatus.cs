namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>The status an officer declares for a traveller. It overrides what the document suggests.</summary>
public enum DeclaredStatus
{
    /// <summary>No declaration (wire form "none").</summary>
    None,
    /// <summary>"canadian-citizen".</summary>
    CanadianCitizen,
    /// <summary>"us-citizen" (citizens and nationals).</summary>
    UsCitizen,
    /// <summary>"registered-indian" (Indian Act).</summary>
    RegisteredIndian,
    /// <summary>"protected-person" (IRPA s. 95).</summary>
    ProtectedPerson,
    /// <summary>"canadian-permanent-resident", not a U.S. citizen.</summary>
    CanadianPermanentResident,
    /// <summary>"us-permanent-resident", not a Canadian citizen.</summary>
    UsPermanentResident,
}
