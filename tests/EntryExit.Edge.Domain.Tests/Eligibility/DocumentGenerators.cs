using CsCheck;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>CsCheck generators of parse results: any names, dates and numbers a correct parser could return.</summary>
internal static class DocumentGenerators
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = Letters + "0123456789";

    private static readonly Gen<string> Word = Gen.String[Gen.Char[Letters], 1, 18];

    private static readonly Gen<string> NameParts = Gen.Int[1, 3].SelectMany(count =>
        Word.Array[count].Select(parts => string.Join(' ', parts)));

    private static readonly Gen<string> GivenNames = Gen.Frequency((1, Gen.Const(string.Empty)), (5, NameParts));

    private static readonly Gen<string> Number = Gen.String[Gen.Char[Alphanumerics], 1, 23];

    private static readonly Gen<DateOnly> BirthDate = Gen.Int[0, 40_000].Select(days => new DateOnly(1915, 1, 1).AddDays(days));

    private static readonly Gen<char> Sex = Gen.OneOfConst('M', 'F', 'X');

    private static readonly Gen<(string Surname, string GivenNames, string Number, DateOnly BirthDate, char Sex)> Person =
        Gen.Select(NameParts, GivenNames, Number, BirthDate, Sex);

    private static readonly Gen<string?> AnyCountry =
        Gen.OneOfConst<string?>("CAN", "USA", "MEX", "D", "FRA", "GBR", "IND", "UTO", "XXA", "XXB", "XXC", "XXX", null);

    /// <summary>Valid Canadian or U.S. passports (any "P…" code) and U.S. passport cards.</summary>
    public static readonly Gen<MrzParseResult> CanadianOrUsPassportOrCard = Gen.Frequency(
        (3, Gen.Select(Person, Gen.OneOfConst("CAN", "USA"), Gen.OneOfConst("CAN", "USA"), Gen.OneOfConst("P", "PP", "PD", "PO", "PS"),
            (p, issuer, nationality, code) => Build(MrzFormat.TD3, code, issuer, nationality, p, valid: true))),
        (1, Person.Select(p => Build(MrzFormat.TD1, "IP", "USA", "USA", p, valid: true))));

    /// <summary>Any document: any layout (or none), any code, issuer and nationality from a pool that hits every rule.</summary>
    public static readonly Gen<MrzParseResult> AnyDocument = Gen.Select(
        Person,
        Gen.OneOfConst<MrzFormat?>(MrzFormat.TD1, MrzFormat.TD2, MrzFormat.TD3, MrzFormat.MRVA, MrzFormat.MRVB, null),
        Gen.OneOfConst("P", "PT", "PP", "IP", "ID", "I", "IS", "IN", "C1", "C2", "CR", "A", "AC", "V", "VB"),
        AnyCountry,
        AnyCountry,
        Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false))),
        (p, format, code, issuer, nationality, valid) => Build(format, code, issuer ?? "UTO", nationality, p, valid));

    public static readonly Gen<DeclaredStatus> AnyDeclaration = Gen.Enum<DeclaredStatus>();

    public static readonly Gen<PolicyOptions> AnyOptions =
        Gen.Select(Gen.Enum<ExchangeMode>(), Gen.Bool, (mode, share) => new PolicyOptions(mode, share));

    public static readonly Gen<DocumentClassification> AnyClassification =
        Gen.Enum<DocumentKind>().Select(kind => new DocumentClassification(kind, DocumentClassifier.ToDocumentType(kind)));

    private static MrzParseResult Build(
        MrzFormat? format, string code, string issuer, string? nationality,
        (string Surname, string GivenNames, string Number, DateOnly BirthDate, char Sex) p, bool valid) =>
        format is null
            ? TestDocuments.NoMrz()
            : TestDocuments.Create(format.Value, code, issuer, nationality, p.Surname, p.GivenNames, p.Number, p.BirthDate, p.Sex, valid);
}
