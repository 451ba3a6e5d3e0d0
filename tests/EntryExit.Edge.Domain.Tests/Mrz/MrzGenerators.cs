using CsCheck;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Domain.Tests.Mrz;

/// <summary>CsCheck generators of valid documents of every layout (check digits computed by
/// <see cref="MrzTestDocument"/>, not by the engine).</summary>
internal static class MrzGenerators
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumeric = Letters + "0123456789";

    private static readonly string[] Countries = [.. MrzCountryCodes.Iso3166Alpha3, .. MrzCountryCodes.IcaoAndPracticeCodes];
    private static readonly Gen<string> Component = Gen.Char[Letters].Array[1, 8].Select(a => new string(a));

    public static readonly Gen<MrzTestDocument> Document =
        Gen.OneOfConst(MrzFormat.TD1, MrzFormat.TD2, MrzFormat.TD3, MrzFormat.MRVA, MrzFormat.MRVB).SelectMany(ForFormat);

    private static Gen<string> AlphanumericString(int min, int max) =>
        Gen.Char[Alphanumeric].Array[min, max].Select(a => new string(a));

    private static Gen<MrzTestDocument> ForFormat(MrzFormat format)
    {
        var (maxNumber, nameLength) = format switch
        {
            MrzFormat.TD1 => (22, 30),
            MrzFormat.TD2 => (14, 31),
            MrzFormat.MRVB => (9, 31),
            _ => (9, 39),
        };
        var code = format switch
        {
            MrzFormat.TD3 => Gen.Char["<" + Letters].Select(c => "P" + c),
            MrzFormat.MRVA or MrzFormat.MRVB => Gen.Char["<" + Letters].Select(c => "V" + c),
            _ => Gen.Select(Gen.Char["ACI"], Gen.Char["<" + Alphanumeric], (a, b) => string.Concat(a.ToString(), b.ToString())),
        };
        var firstPart = Gen.Select(
            code,
            Gen.OneOfConst(Countries),
            Gen.OneOfConst(Countries),
            Component.Array[1, 2],
            Component.Array[0, 3],
            AlphanumericString(1, maxNumber),
            Gen.Int[0, 36_000],
            Gen.Int[-3_650, 5_475],
            (c, issuer, nationality, surname, given, number, birthDaysAgo, expiryDaysAhead) =>
                (c, issuer, nationality, surname, given, number, birthDaysAgo, expiryDaysAhead));
        return firstPart.SelectMany(p =>
            Gen.Select(
                Gen.OneOfConst('M', 'F', 'X', '<'),
                AlphanumericString(0, OptionalRoom(format, p.number.Length)),
                AlphanumericString(0, format == MrzFormat.TD1 ? 11 : 0),
                (sex, optional, optional2) =>
                {
                    var (surname, given) = Fit(p.surname, p.given, nameLength);
                    return new MrzTestDocument(
                        format, p.c, p.issuer, surname, given, p.number, p.nationality,
                        Today.AddDays(-p.birthDaysAgo), sex, Today.AddDays(p.expiryDaysAhead), optional, optional2);
                }));
    }

    /// <summary>Room left for optional data once any overflow of the document number (its rest, its check digit
    /// and the terminating filler) is placed.</summary>
    private static int OptionalRoom(MrzFormat format, int numberLength)
    {
        var overflow = numberLength > 9 ? numberLength - 9 + 2 : 0;
        return format switch
        {
            MrzFormat.TD1 => 15 - overflow,
            MrzFormat.TD2 => 7 - overflow,
            MrzFormat.TD3 => 14,
            MrzFormat.MRVA => 16,
            _ => 8,
        };
    }

    private static (string Surname, string Given) Fit(string[] surname, string[] given, int length)
    {
        var primary = string.Join('<', surname);
        var count = given.Length;
        while (count > 0 && primary.Length + 2 + string.Join('<', given[..count]).Length > length)
        {
            count--;
        }

        return (primary, string.Join('<', given[..count]));
    }
}
