namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Pre-built strings for every document code a parse can return (a letter, then a letter, digit or
/// filler), so that a parse does not allocate one.</summary>
internal static class MrzDocumentCodes
{
    private const string SecondCharacters = "<ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly string[] Codes = Build();

    /// <summary>The code for two MRZ characters; the first must be A–Z and the second in the MRZ alphabet.</summary>
    public static string Get(char first, char second)
    {
        var column = second switch
        {
            '<' => 0,
            >= 'A' and <= 'Z' => second - 'A' + 1,
            _ => second - '0' + 27,
        };
        return Codes[((first - 'A') * SecondCharacters.Length) + column];
    }

    private static string[] Build()
    {
        var codes = new string[26 * SecondCharacters.Length];
        for (var first = 0; first < 26; first++)
        {
            for (var second = 0; second < SecondCharacters.Length; second++)
            {
                var letter = (char)('A' + first);
                codes[(first * SecondCharacters.Length) + second] =
                    second == 0 ? letter.ToString() : string.Concat(letter.ToString(), SecondCharacters[second].ToString());
            }
        }

        return codes;
    }
}
