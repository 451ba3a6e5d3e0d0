using System.Globalization;
using System.Text;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// Valid TD3 (passport) MRZs of third-country nationals with unique document numbers: every one is eligible.
/// Its own check-digit code (ICAO 9303 part 3, weights 7-3-1), independent of the parser under test.
/// </summary>
internal static class Td3Specimen
{
    private static readonly string[] Nationalities = ["FRA", "D<<", "GBR", "JPN", "MEX", "BRA", "ITA", "AUS"];

    /// <summary>The document number the <paramref name="index"/>-th specimen carries (9 characters).</summary>
    public static string DocumentNumber(int run, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"B{run % 100:D2}{index:D6}");

    /// <summary>The two MRZ lines joined by '\n', as a reader frames them.</summary>
    public static string Frame(int run, int index)
    {
        var nationality = Nationalities[index % Nationalities.Length];
        var number = DocumentNumber(run, index);
        var birth = string.Create(CultureInfo.InvariantCulture, $"{70 + index % 25:D2}{1 + index % 12:D2}{1 + index % 28:D2}");
        const string expiry = "341231";
        var personal = new string('<', 14);
        var line1 = Pad($"P<{nationality}BENCH<<TRAVELLER<{Letters(index)}", 44);
        var body = new StringBuilder(44);
        body.Append(number).Append(Check(number))
            .Append(nationality)
            .Append(birth).Append(Check(birth))
            .Append(index % 2 == 0 ? 'F' : 'M')
            .Append(expiry).Append(Check(expiry))
            .Append(personal).Append(Check(personal));
        var composite = body.ToString(0, 10) + body.ToString(13, 7) + body.ToString(21, 22);
        body.Append(Check(composite));
        return line1 + "\n" + body;
    }

    // Distinct given names so no two specimens look alike beyond their number.
    private static string Letters(int index)
    {
        var letters = new char[4];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('A' + index % 26);
            index /= 26;
        }

        return new string(letters);
    }

    private static string Pad(string text, int length) => text.Length >= length ? text[..length] : text.PadRight(length, '<');

    private static char Check(string field)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += value * weights[i % 3];
        }

        return (char)('0' + sum % 10);
    }
}
