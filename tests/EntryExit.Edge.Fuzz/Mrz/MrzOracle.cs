using System.Globalization;
using System.Text.RegularExpressions;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Fuzz.Mrz;

/// <summary>
/// The properties of one parse, checked with the fuzzer's own code: a valid result's check digits verify on the
/// input (after the corrections it lists), its fields are the input's, and no message carries MRZ text.
/// </summary>
public static partial class MrzOracle
{
    private static readonly HashSet<string> KnownCodes = typeof(MrzErrorCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks every property of <paramref name="result"/>, the parse of <paramref name="text"/>.</summary>
    public static void Verify(string text, MrzParseResult result)
    {
        Property.Holds(result is not null, "Parse returned null");
        foreach (var e in result!.Errors.Concat(result.Warnings))
        {
            Property.Holds(KnownCodes.Contains(e.Code), "an error code outside MrzErrorCodes: " + e.Code);
            Property.Holds(!string.IsNullOrWhiteSpace(e.Message), "an error without a message: " + e.Code);
            Property.Holds(e.Message.Length < 400, "an error message over 400 characters: " + e.Code);
            CheckNoMrzText(text, e);
        }

        if (text.Length > MrzParser.MaxInputLength)
        {
            Property.Holds(result.Format is null && result.Errors.Count == 1 && result.Errors[0].Code == MrzErrorCodes.TooLong,
                "input over MaxInputLength not rejected as MRZ_TOO_LONG");
        }

        if (result.Format is null)
        {
            Property.Holds(!result.Valid && result.Errors.Count > 0, "no format but valid, or no error saying why");
        }

        foreach (var c in result.Corrections)
        {
            Property.Holds(c.Line is >= 1 and <= 3 && c.Column is >= 1 and <= 44 && c.From != c.To,
                "a correction outside the MRZ or a no-op correction");
        }

        if (result.Valid)
        {
            VerifyValid(text, result);
        }
    }

    /// <summary>A message may name lines, columns, fields and code points, never five MRZ characters of the input in a row.</summary>
    private static void CheckNoMrzText(string text, MrzError error)
    {
        var message = CodePoint().Replace(error.Message, " ");
        foreach (Match run in MrzRun().Matches(text.ToUpperInvariant()))
        {
            for (var i = 0; i + 5 <= run.Length; i++)
            {
                if (message.Contains(run.ValueSpan.Slice(i, 5), StringComparison.Ordinal))
                {
                    throw new PropertyFailedException($"{error.Code} message repeats MRZ text of the input");
                }
            }
        }
    }

    private static void VerifyValid(string text, MrzParseResult r)
    {
        var lines = Normalise(text);
        var (count, length) = r.Format switch
        {
            MrzFormat.TD1 => (3, 30),
            MrzFormat.TD2 or MrzFormat.MRVB => (2, 36),
            _ => (2, 44),
        };
        Property.Holds(lines is not null, "valid, but the input holds a character outside the MRZ alphabet");
        Property.Holds(lines!.Count == count && lines.All(l => l.Length == length), $"valid {r.Format}, but the input's lines do not have that shape");
        var chars = lines.Select(l => l.ToCharArray()).ToArray();
        foreach (var c in r.Corrections)
        {
            Property.Holds(c.Line <= count && c.Column <= length && chars[c.Line - 1][c.Column - 1] == c.From,
                "a correction's 'from' is not the character at its position");
            chars[c.Line - 1][c.Column - 1] = c.To;
        }

        var l1 = new string(chars[0]);
        var l2 = new string(chars[1]);
        switch (r.Format)
        {
            case MrzFormat.TD1:
                VerifyNumber(l1, 5, 15, 30, r);
                Digit(l2, 0, 6, "birth");
                Digit(l2, 8, 14, "expiry");
                Composite(l1[5..30] + l2[0..7] + l2[8..15] + l2[18..29], l2[29]);
                Dates(r, l2[0..6], l2[8..14]);
                Property.Holds(r.Nationality == Code(l2[15..18]), "nationality is not the input's");
                break;
            case MrzFormat.TD2:
                VerifyNumber(l2, 0, 28, 35, r);
                Digit(l2, 13, 19, "birth");
                Digit(l2, 21, 27, "expiry");
                Composite(l2[0..10] + l2[13..20] + l2[21..35], l2[35]);
                Dates(r, l2[13..19], l2[21..27]);
                break;
            default:
                Digit(l2, 0, 9, "document number");
                Digit(l2, 13, 19, "birth");
                Digit(l2, 21, 27, "expiry");
                Property.Holds(r.DocumentNumber == l2[0..9].Replace("<", string.Empty, StringComparison.Ordinal), "document number is not the input's");
                if (r.Format == MrzFormat.TD3)
                {
                    if (l2[42] == '<')
                    {
                        Property.Holds(l2[28..42].All(ch => ch == '<'), "valid TD3 with a filler check digit over a non-empty personal number");
                    }
                    else
                    {
                        Digit(l2, 28, 42, "personal number");
                    }

                    Composite(l2[0..10] + l2[13..20] + l2[21..43], l2[43]);
                }

                Dates(r, l2[13..19], l2[21..27]);
                break;
        }

        Property.Holds(r.DocumentCode == l1[0..2].TrimEnd('<'), "document code is not the input's");
        // Trailing fillers go ("D<<" is "D", "<<<" is null); a malformed code with a leading filler ("<XX") is kept as
        // read. Both come with MRZ_UNKNOWN_ISSUING_STATE: unknown codes warn, they do not invalidate.
        Property.Holds(r.IssuingState == Code(l1[2..5]), "issuing state is not the input's");
    }

    /// <summary>TD1/TD2 document number: its check digit, or a filler there and the rest of the number with its
    /// check digit in the optional data.</summary>
    private static void VerifyNumber(string line, int start, int optionalStart, int optionalEnd, MrzParseResult r)
    {
        var check = line[start + 9];
        if (check != '<')
        {
            Digit(line, start, start + 9, "document number");
            Property.Holds(r.DocumentNumber == line[start..(start + 9)].Replace("<", string.Empty, StringComparison.Ordinal),
                "document number is not the input's");
            return;
        }

        var optional = line[optionalStart..optionalEnd];
        var end = optional.IndexOf('<', StringComparison.Ordinal);
        if (end < 0)
        {
            end = optional.Length;
        }

        Property.Holds(end >= 2, "valid with an overflowed document number but no continuation and check digit");
        var number = line[start..(start + 9)] + optional[..(end - 1)];
        Property.Holds(char.IsAsciiDigit(optional[end - 1]) && MrzSeed.CheckDigit(number) == optional[end - 1] - '0',
            "valid, but the overflowed document number's check digit does not verify");
        Property.Holds(r.DocumentNumber == number.Replace("<", string.Empty, StringComparison.Ordinal), "overflowed document number is not the input's");
    }

    /// <summary>A country code as the engine reports it: trailing fillers removed, null when nothing is left.</summary>
    private static string? Code(string field) => field.TrimEnd('<') is { Length: > 0 } code ? code : null;

    private static void Digit(string line, int start, int checkAt, string field)
    {
        var c = line[checkAt];
        Property.Holds(char.IsAsciiDigit(c) && MrzSeed.CheckDigit(line.AsSpan(start, checkAt - start)) == c - '0',
            $"valid, but the {field} check digit does not verify");
    }

    private static void Composite(string data, char check) =>
        Property.Holds(char.IsAsciiDigit(check) && MrzSeed.CheckDigit(data) == check - '0', "valid, but the composite check digit does not verify");

    private static void Dates(MrzParseResult r, string birth, string expiry)
    {
        if (r.DateOfBirth is { } dob)
        {
            Property.Holds(dob.ToString("yyMMdd", CultureInfo.InvariantCulture) == birth, "date of birth is not the input's");
            Property.Holds(dob <= MrzSeed.Today, "date of birth after today");
        }
        else
        {
            Property.Holds(birth.Contains('<', StringComparison.Ordinal), "no date of birth, though the input holds one");
        }

        Property.Holds(r.ExpiryDate is { } exp && exp.ToString("yyMMdd", CultureInfo.InvariantCulture) == expiry, "expiry date is not the input's");
    }

    /// <summary>The engine's documented input hygiene, written again: CR, LF, CRLF; blank lines skipped; trailing
    /// spaces and tabs dropped; a–z as A–Z; '_' as '&lt;'. Null when any other character remains.</summary>
    private static List<string>? Normalise(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.TrimEnd(' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            var chars = line.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = chars[i] switch
                {
                    >= 'a' and <= 'z' => (char)(chars[i] - 'a' + 'A'),
                    '_' => '<',
                    var c => c,
                };
                if (chars[i] is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<'))
                {
                    return null;
                }
            }

            lines.Add(new string(chars));
        }

        return lines;
    }

    [GeneratedRegex("[A-Z0-9]{5,}")]
    private static partial Regex MrzRun();

    [GeneratedRegex("U\\+[0-9A-F]{4,6}")]
    private static partial Regex CodePoint();
}
