using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>
/// The decision table of shared/domain.md §7 as code: rules top-down, first match wins, in both exchange modes.
/// The officer's declaration overrides what the document suggests; every case the document cannot settle errs on
/// "hold" or "exclude", never on "send". Reasons are fixed sentences: they never contain personal data.
/// docs/eligibility.md lists the rules as implemented.
/// </summary>
public static class EligibilityPolicy
{
    /// <summary>Decides what happens to one document.</summary>
    /// <param name="document">The parsed MRZ (any result, valid or not).</param>
    /// <param name="declared">The status the officer declared; <see cref="DeclaredStatus.None"/> when none.</param>
    /// <param name="options">Mode and switches; <see cref="PolicyOptions.Default"/> is phase-ii.</param>
    public static EligibilityResult Evaluate(MrzParseResult document, DeclaredStatus declared, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Evaluate(document, DocumentClassifier.Classify(document), declared, options);
    }

    /// <summary>Evaluates with a classification supplied by the caller. Internal: it lets tests reach the rows whose
    /// documents the MRZ alone cannot identify yet (SCIS, NEXUS), without widening the public contract.</summary>
    internal static EligibilityResult Evaluate(
        MrzParseResult document, DocumentClassification classification, DeclaredStatus declared, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(declared))
        {
            throw new ArgumentOutOfRangeException(nameof(declared), declared, "Not a defined declared status.");
        }

        var allTravellers = options.Mode == ExchangeMode.AllTravellers;
        var kind = classification.Kind;
        var issuer = document.IssuingState;

        if (!document.Valid)
        {
            return Hold(TravellerCategory.Unknown, EligibilityRules.DocumentInvalid,
                "The MRZ could not be read or a check digit failed; rescan the document or review it by hand.");
        }

        if (declared is DeclaredStatus.RegisteredIndian or DeclaredStatus.ProtectedPerson)
        {
            return ProtectedGroup(options, CategoryOf(declared), EligibilityRules.DeclaredProtectedGroup,
                "The officer declared a Registered Indian or protected person.");
        }

        if (kind == DocumentKind.IndianStatusCard && issuer == CountryCodes.Canada)
        {
            return ProtectedGroup(options, TravellerCategory.RegisteredIndian, EligibilityRules.IndianStatusCard,
                "A Secure Certificate of Indian Status identifies a Registered Indian.");
        }

        if (kind == DocumentKind.RefugeeTravelDocument && issuer == CountryCodes.Canada)
        {
            return ProtectedGroup(options, TravellerCategory.ProtectedPerson, EligibilityRules.RefugeeTravelDocument,
                "A Canadian refugee travel document is issued to protected persons.");
        }

        if (declared is DeclaredStatus.CanadianCitizen or DeclaredStatus.UsCitizen)
        {
            return allTravellers
                ? Send(CategoryOf(declared), EligibilityRules.DeclaredCitizen,
                    "The officer declared a Canadian or U.S. citizen; all travellers are exchanged.")
                : Exclude(CategoryOf(declared), EligibilityRules.DeclaredCitizen,
                    "The officer declared a Canadian or U.S. citizen; citizens are not exchanged in phase II.");
        }

        if (allTravellers && !options.ShareProtectedGroupsInAllTravellers && issuer == CountryCodes.Canada
            && kind is DocumentKind.EnhancedDriversLicence or DocumentKind.IdentityCard
                or DocumentKind.TrustedTravellerCard or DocumentKind.Other)
        {
            return Hold(TravellerCategory.Unknown, EligibilityRules.UnverifiedCanadianCard,
                "This Canadian-issued document cannot be told apart from a status card or refugee document by its MRZ; ask the officer to declare the traveller's status.");
        }

        if (IsCitizenDocument(kind, issuer, document.Nationality))
        {
            return CitizenDocument(allTravellers, declared, CitizenCategory(kind, issuer, document.Nationality));
        }

        return EvaluateResidentsAndOthers(document, kind, declared, allTravellers);
    }

    private static EligibilityResult EvaluateResidentsAndOthers(
        MrzParseResult document, DocumentKind kind, DeclaredStatus declared, bool allTravellers)
    {
        // Only none, canadian-permanent-resident or us-permanent-resident can reach this point.
        var declaredResident = declared == DeclaredStatus.None ? (TravellerCategory?)null : CategoryOf(declared);

        switch (kind)
        {
            case DocumentKind.UsPermanentResidentCard:
                return Send(declaredResident ?? TravellerCategory.UsPermanentResident, EligibilityRules.UsPermanentResidentCard,
                    "A U.S. Permanent Resident Card without a citizen declaration; its nationality field is the country of birth and is not reported.");
            case DocumentKind.CanadianPermanentResidentCard or DocumentKind.CertificateOfIdentity
                when document.IssuingState == CountryCodes.Canada:
                return Send(declaredResident ?? TravellerCategory.CanadianPermanentResident, EligibilityRules.CanadianResidentDocument,
                    "A Canadian permanent resident card or certificate of identity without a contrary declaration.");
            case DocumentKind.TrustedTravellerCard when declaredResident is { } resident:
                return Send(resident, EligibilityRules.TrustedTravellerCard,
                    "A trusted-traveller card with a permanent-resident declaration.");
            case DocumentKind.TrustedTravellerCard:
                return allTravellers
                    ? Send(TravellerCategory.Unknown, EligibilityRules.TrustedTravellerCard,
                        "A trusted-traveller card; all travellers are exchanged.")
                    : Hold(TravellerCategory.Unknown, EligibilityRules.TrustedTravellerCard,
                        "A trusted-traveller card does not show citizenship or residence; ask the officer to declare the traveller's status.");
            case DocumentKind.Passport when IsThirdCountryCode(document.Nationality):
                return Send(declaredResident ?? TravellerCategory.ThirdCountryNational, EligibilityRules.ThirdCountryPassport,
                    "A passport of a country other than Canada or the United States.");
            default:
                return allTravellers
                    ? Send(declaredResident ?? TravellerCategory.Unknown, EligibilityRules.Unrecognised,
                        "A document the policy does not recognise; all travellers are exchanged.")
                    : Hold(TravellerCategory.Unknown, EligibilityRules.Unrecognised,
                        "The document type is not recognised for the exchange; review it by hand.");
        }
    }

    private static EligibilityResult CitizenDocument(bool allTravellers, DeclaredStatus declared, TravellerCategory category)
    {
        if (declared is DeclaredStatus.CanadianPermanentResident or DeclaredStatus.UsPermanentResident)
        {
            // A permanent resident is by definition not a citizen of the issuing country: one of the two is wrong.
            return allTravellers
                ? Hold(TravellerCategory.Unknown, EligibilityRules.CitizenDocumentDeclaredResident,
                    "A Canadian or U.S. citizen's document contradicts the permanent-resident declaration; confirm the status with the officer.")
                : Exclude(category, EligibilityRules.CitizenDocumentDeclaredResident,
                    "A Canadian or U.S. citizen's document contradicts the permanent-resident declaration; citizens are never sent in phase II.");
        }

        return allTravellers
            ? Send(category, EligibilityRules.CitizenDocument,
                "A Canadian or U.S. passport, passport card or enhanced licence; all travellers are exchanged.")
            : Exclude(category, EligibilityRules.CitizenDocument,
                "A Canadian or U.S. passport, passport card or enhanced licence; citizens are not exchanged in phase II.");
    }

    private static EligibilityResult ProtectedGroup(PolicyOptions options, TravellerCategory category, string rule, string what) =>
        options.Mode == ExchangeMode.AllTravellers && options.ShareProtectedGroupsInAllTravellers
            ? Send(category, rule, what + " Sharing is switched on for all travellers.")
            : Exclude(category, rule, what + " Registered Indians and protected persons are not exchanged.");

    private static bool IsCitizenDocument(DocumentKind kind, string? issuer, string? nationality) =>
        kind is DocumentKind.Passport or DocumentKind.PassportCard or DocumentKind.EnhancedDriversLicence
        && (CountryCodes.IsCanadaOrUs(issuer) || CountryCodes.IsCanadaOrUs(nationality));

    private static TravellerCategory CitizenCategory(DocumentKind kind, string? issuer, string? nationality) =>
        nationality switch
        {
            CountryCodes.Canada => TravellerCategory.CanadianCitizen,
            CountryCodes.UnitedStates => TravellerCategory.UsCitizen,
            // Passport cards are issued to U.S. citizens and nationals only, whatever the nationality field says.
            _ when kind == DocumentKind.PassportCard && issuer == CountryCodes.UnitedStates => TravellerCategory.UsCitizen,
            _ => TravellerCategory.Unknown,
        };

    private static bool IsThirdCountryCode(string? nationality) =>
        !string.IsNullOrEmpty(nationality) && !CountryCodes.IsCanadaOrUs(nationality) && !CountryCodes.IsRefugeeMarker(nationality);

    private static TravellerCategory CategoryOf(DeclaredStatus declared) => declared switch
    {
        DeclaredStatus.CanadianCitizen => TravellerCategory.CanadianCitizen,
        DeclaredStatus.UsCitizen => TravellerCategory.UsCitizen,
        DeclaredStatus.RegisteredIndian => TravellerCategory.RegisteredIndian,
        DeclaredStatus.ProtectedPerson => TravellerCategory.ProtectedPerson,
        DeclaredStatus.CanadianPermanentResident => TravellerCategory.CanadianPermanentResident,
        DeclaredStatus.UsPermanentResident => TravellerCategory.UsPermanentResident,
        _ => TravellerCategory.Unknown,
    };

    private static EligibilityResult Send(TravellerCategory category, string rule, string reason) =>
        new(Decision.Send, category, rule, reason);

    private static EligibilityResult Exclude(TravellerCategory category, string rule, string reason) =>
        new(Decision.Exclude, category, rule, reason);

    private static EligibilityResult Hold(TravellerCategory category, string rule, string reason) =>
        new(Decision.Hold, category, rule, reason);
}
