using EntryExit.Edge.Domain.Mrz;
using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>
/// Recognises the kind of document from its parsed MRZ. Rules are tried top-down and the first match wins; every
/// rule and its source (or ASSUMPTION mark) is listed in docs/eligibility.md. Where the MRZ layout of a Canadian
/// document is not public, the rules are chosen so that a wrong guess lands on "hold" or "exclude", never on "send".
/// </summary>
public static class DocumentClassifier
{
    /// <summary>Classifies a parsed document. Works on invalid documents too (the policy holds those anyway).</summary>
    public static DocumentClassification Classify(MrzParseResult document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var kind = ClassifyKind(document);
        return new DocumentClassification(kind, ToDocumentType(kind));
    }

    /// <summary>The normalised record type for a kind.</summary>
    public static string ToDocumentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Passport => DocumentTypes.Passport,
        DocumentKind.PassportCard => DocumentTypes.PassportCard,
        DocumentKind.UsPermanentResidentCard => DocumentTypes.UsPermanentResidentCard,
        DocumentKind.CanadianPermanentResidentCard => DocumentTypes.CanadianPermanentResidentCard,
        DocumentKind.RefugeeTravelDocument => DocumentTypes.RefugeeTravelDocument,
        DocumentKind.CertificateOfIdentity => DocumentTypes.CertificateOfIdentity,
        DocumentKind.IndianStatusCard => DocumentTypes.IndianStatusCard,
        DocumentKind.EnhancedDriversLicence => DocumentTypes.EnhancedDriversLicence,
        DocumentKind.TrustedTravellerCard => DocumentTypes.TrustedTravellerCard,
        DocumentKind.IdentityCard => DocumentTypes.IdentityCard,
        DocumentKind.Visa => DocumentTypes.Visa,
        _ => DocumentTypes.Other,
    };

    private static DocumentKind ClassifyKind(MrzParseResult document)
    {
        var format = document.Format;
        var code = document.DocumentCode ?? string.Empty;
        var issuer = document.IssuingState;
        var nationality = document.Nationality;

        if (format is null || code.Length == 0)
        {
            return DocumentKind.Other;
        }

        // C2: visas (Doc 9303 Part 7): issued to foreigners, they never prove a status of their own.
        if (format is MrzFormat.MRVA or MrzFormat.MRVB || code[0] == 'V')
        {
            return DocumentKind.Visa;
        }

        if (format == MrzFormat.TD1 && issuer == CountryCodes.UnitedStates)
        {
            // C3: I-551 green card [S32, S33]. C4: U.S. passport card [S34, S35].
            if (code is "C1" or "C2")
            {
                return DocumentKind.UsPermanentResidentCard;
            }

            if (code == "IP")
            {
                return DocumentKind.PassportCard;
            }
        }

        if (code[0] == 'P')
        {
            return ClassifyPassportBook(issuer, nationality);
        }

        if (format is MrzFormat.TD1 or MrzFormat.TD2)
        {
            return ClassifyCard(format.Value, code, issuer, nationality);
        }

        return DocumentKind.Other;
    }

    private static DocumentKind ClassifyPassportBook(string? issuer, string? nationality)
    {
        // C5 (ASSUMPTION for Canada's RTD): ICAO reserves XXB/XXC for refugees, so a "P" document carrying them is a
        // Convention travel document, whoever issued it.
        if (CountryCodes.IsRefugeeMarker(nationality))
        {
            return DocumentKind.RefugeeTravelDocument;
        }

        if (issuer == CountryCodes.Canada && nationality != CountryCodes.Canada)
        {
            // C6 (ASSUMPTION): a Canadian "P" document for a stateless holder is a certificate of identity.
            // C7 (ASSUMPTION): any other Canadian "P" document for a non-citizen could be an RTD that shows the real
            // nationality; it is not guessed, so it falls to "other" (held for review).
            return nationality == CountryCodes.Stateless ? DocumentKind.CertificateOfIdentity : DocumentKind.Other;
        }

        // C8: a national passport (Doc 9303 Part 4).
        return DocumentKind.Passport;
    }

    private static DocumentKind ClassifyCard(MrzFormat format, string code, string? issuer, string? nationality)
    {
        var first = code[0];

        // C9 (ASSUMPTION): WHTI enhanced licences/ID cards are issued to citizens only [S44, S45]; we take a TD1
        // identity-card layout issued by Canada or the U.S. to one of its own nationals to be one. If it is in fact a
        // Canadian SCIS, "exclude" in phase-ii is the same, and all-travellers holds unverified Canadian cards (R5a).
        if (format == MrzFormat.TD1 && first == 'I' && CountryCodes.IsCanadaOrUs(issuer) && nationality == issuer)
        {
            return DocumentKind.EnhancedDriversLicence;
        }

        // C10 (ASSUMPTION): a Canadian TD1 "C" card (the letter ICAO gives to residence cards, as on the U.S. green
        // card) whose holder is not a Canadian or U.S. national and carries no refugee or unspecified marker.
        if (format == MrzFormat.TD1 && first == 'C' && issuer == CountryCodes.Canada && IsPlainForeignNationality(nationality))
        {
            return DocumentKind.CanadianPermanentResidentCard;
        }

        // C11: any other Doc 9303 card.
        return first is 'I' or 'A' or 'C' ? DocumentKind.IdentityCard : DocumentKind.Other;
    }

    private static bool IsPlainForeignNationality(string? nationality) =>
        !string.IsNullOrEmpty(nationality)
        && !CountryCodes.IsCanadaOrUs(nationality)
        && !CountryCodes.IsRefugeeMarker(nationality)
        && nationality != CountryCodes.Unspecified;
}
