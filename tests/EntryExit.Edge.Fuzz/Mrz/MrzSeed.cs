using System.Globalization;
using CsCheck;

namespace EntryExit.Edge.Fuzz.Mrz;

/// <summary>
/// Valid MRZs of every layout (TD1, TD2, TD3, MRV-A, MRV-B) written by the fuzzer's own code and check digits, so
/// a bug in the engine cannot hide in the generator. They are the seeds the mutations start from.
/// </summary>
public static class MrzSeed
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Alphanumeric = Letters + Digits;

    // A few real codes, reserved codes and made-up ones (the engine warns on unknown codes, it does not fail).
    private static readonly string[] Countries = ["CAN", "USA", "UTO", "FRA", "D<<", "GBR", "XXA", "XXB", "XXX", "MEX", "IND", "QQQ", "ZZZ"];

    private static readonly Gen<string> Component = Cheap.Chars(Gen.Int[1, 9], Letters);
    private static readonly Gen<string> Number = Cheap.Chars(Gen.Int[1, 14], Alphanumeric);
    private static readonly Gen<string> Optional = Cheap.Chars(Gen.Int[0, 15], Alphanumeric + "<");

    /// <summary>One valid document, as its lines.</summary>
    public static readonly Gen<string[]> Lines = Gen.Select(
        Gen.Int[0, 4],
        Gen.Select(Gen.OneOfConst(Countries), Gen.OneOfConst(Countries), Gen.Char["PVIAC"], Gen.Char["<" + Alphanumeric]),
        Gen.Select(Component.Array[1, 3], Component.Array[0, 4]),
        Number,
        Gen.Select(Gen.Int[0, 36_500], Gen.Int[-3_650, 7_300], Gen.OneOfConst('M', 'F', 'X', '<')),
        Gen.Select(Optional, Optional, Gen.Int[0, 9]),
        (format, codes, names, number, dates, optional) => Write(format, codes, names, number, dates, optional));

    /// <summary>ICAO 9303 check digit (weights 7, 3, 1; '&lt;' = 0, A = 10 … Z = 35).</summary>
    public static int CheckDigit(ReadOnlySpan<char> s)
    {
        var sum = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += value * (i % 3) switch { 0 => 7, 1 => 3, _ => 1 };
        }

        return sum % 10;
    }

    private static char Check(string s) => (char)('0' + CheckDigit(s));

    private static string[] Write(
        int format,
        (string Issuer, string Nationality, char Kind, char Second) codes,
        (string[] Surname, string[] Given) names,
        string number,
        (int BirthDaysAgo, int ExpiryDaysAhead, char Sex) dates,
        (string Optional1, string Optional2, int Variant) optional)
    {
        var dob = Today.AddDays(-dates.BirthDaysAgo).ToString("yyMMdd", CultureInfo.InvariantCulture);
        var exp = Today.AddDays(dates.ExpiryDaysAhead).ToString("yyMMdd", CultureInfo.InvariantCulture);
        if (optional.Variant == 0)
        {
            dob = dob[..2] + "<<<<"; // birth month and day unknown, as Doc 9303 allows
        }

        switch (format)
        {
            case 0: // TD1, 3 × 30
            {
                var code = (codes.Kind is 'I' or 'A' or 'C' ? codes.Kind : 'I').ToString() + codes.Second;
                var (numberField, optional1) = Overflow(number, optional.Optional1, 15);
                var line1 = code + codes.Issuer + numberField + optional1;
                var line2 = dob + Check(dob) + dates.Sex + exp + Check(exp) + codes.Nationality + Fit(optional.Optional2, 11);
                var composite = line1[5..30] + line2[0..7] + line2[8..15] + line2[18..29];
                return [line1, line2 + Check(composite), Name(names, 30)];
            }

            case 1: // TD2, 2 × 36
            {
                var code = (codes.Kind is 'I' or 'A' or 'C' ? codes.Kind : 'I').ToString() + codes.Second;
                var (numberField, optionalPart) = Overflow(number, optional.Optional1, 7);
                var line2 = numberField + codes.Nationality + dob + Check(dob) + dates.Sex + exp + Check(exp) + optionalPart;
                var composite = line2[0..10] + line2[13..20] + line2[21..35];
                return [code + codes.Issuer + Name(names, 31), line2 + Check(composite)];
            }

            case 2: // TD3, 2 × 44
            {
                var field = Fit(number, 9);
                var personal = Fit(optional.Optional1, 14);
                var personalCheck = personal.Trim('<').Length == 0 && optional.Variant < 5 ? '<' : Check(personal);
                var line2 = field + Check(field) + codes.Nationality + dob + Check(dob) + dates.Sex + exp + Check(exp) + personal + personalCheck;
                var composite = line2[0..10] + line2[13..20] + line2[21..43];
                return ["P" + codes.Second + codes.Issuer + Name(names, 39), line2 + Check(composite)];
            }

            default: // MRV-A (2 × 44) or MRV-B (2 × 36)
            {
                var (nameLength, optionalLength) = format == 3 ? (39, 16) : (31, 8);
                var field = Fit(number, 9);
                var line2 = field + Check(field) + codes.Nationality + dob + Check(dob) + dates.Sex + exp + Check(exp)
                    + Fit(optional.Optional1, optionalLength);
                return ["V" + codes.Second + codes.Issuer + Name(names, nameLength), line2];
            }
        }
    }

    /// <summary>TD1/TD2: a number over 9 characters continues in the optional data with its check digit and a filler.</summary>
    private static (string NumberField, string Optional) Overflow(string number, string optional, int optionalLength)
    {
        if (number.Length <= 9 || number.Length - 9 + 2 > optionalLength)
        {
            var field = Fit(number, 9);
            return (field + Check(field), Fit(optional, optionalLength));
        }

        var overflow = number[9..] + Check(number) + "<" + optional;
        return (number[..9] + "<", Fit(overflow, optionalLength));
    }

    private static string Name((string[] Surname, string[] Given) names, int length)
    {
        var text = string.Join('<', names.Surname);
        if (names.Given.Length > 0)
        {
            text += "<<" + string.Join('<', names.Given);
        }

        return Fit(text, length);
    }

    private static string Fit(string s, int length) => s.Length >= length ? s[..length] : s.PadRight(length, '<');
}
