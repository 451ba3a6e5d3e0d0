namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>ICAO 9303 check digits, written here independently of the gateway's parser.</summary>
public static class CheckDigit
{
    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>The check digit of <paramref name="field"/> (digits, A–Z and the filler <c>&lt;</c>).</summary>
    /// <param name="field">The field as it appears in the MRZ.</param>
    /// <returns>'0'–'9'.</returns>
    public static char Of(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => throw new ArgumentException($"'{c}' cannot appear in an MRZ field.", nameof(field)),
            };
            sum += value * Weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }
}
