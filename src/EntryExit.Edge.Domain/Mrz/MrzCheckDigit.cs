namespace EntryExit.Edge.Domain.Mrz;

/// <summary>The ICAO Doc 9303 Part 3 check digit: character values ('&lt;' = 0, '0'–'9' = 0–9, 'A'–'Z' = 10–35)
/// multiplied by the repeating weights 7, 3, 1, summed, modulo 10.</summary>
public static class MrzCheckDigit
{
    /// <summary>The value of one MRZ character; 0 for the filler and for anything outside the MRZ alphabet.</summary>
    public static int Value(char c) => ValueIn(Values, c);

    private static int ValueIn(ReadOnlySpan<byte> table, char c) => c < table.Length ? table[c] : 0;

    // Indexed by character code up to 'Z': a table read instead of range tests in the hot loop.
    private static ReadOnlySpan<byte> Values =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // control
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // space to '/'
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, // '0'..'9'
        0, 0, 0, 0, 0, 0, 0, // ':' to '@' ('<' is the filler, 0)
        10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, // 'A'..'Z'
    ];

    /// <summary>The check digit (0–9) of <paramref name="field"/>.</summary>
    public static int Compute(ReadOnlySpan<char> field)
    {
        var position = 0;
        return Accumulate(field, ref position) % 10;
    }

    /// <summary>Adds the weighted values of <paramref name="segment"/> continuing the weight cycle at
    /// <paramref name="position"/>, so that fields split over several places (composite, overflow) chain.</summary>
    internal static int Accumulate(ReadOnlySpan<char> segment, ref int position)
    {
        var sum = 0;
        var i = 0;
        var table = Values;

        // Align to the weight cycle, then take whole 7-3-1 triples: fewer branches in the loop that matters.
        for (var phase = position % 3; phase != 0 && i < segment.Length; phase = (phase + 1) % 3, i++)
        {
            sum += ValueIn(table, segment[i]) * (phase == 1 ? 3 : 1);
        }

        for (; i + 2 < segment.Length; i += 3)
        {
            sum += (7 * ValueIn(table, segment[i])) + (3 * ValueIn(table, segment[i + 1])) + ValueIn(table, segment[i + 2]);
        }

        for (var weight = 7; i < segment.Length; i++, weight = 3)
        {
            sum += ValueIn(table, segment[i]) * weight;
        }

        position += segment.Length;
        return sum;
    }
}
