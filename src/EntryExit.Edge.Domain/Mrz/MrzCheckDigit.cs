namespace EntryExit.Edge.Domain.Mrz;

/// <summary>The ICAO Doc 9303 Part 3 check digit: character values ('&lt;' = 0, '0'–'9' = 0–9, 'A'–'Z' = 10–35)
/// multiplied by the repeating weights 7, 3, 1, summed, modulo 10.</summary>
public static class MrzCheckDigit
{
    /// <summary>The value of one MRZ character; 0 for the filler and for anything outside the MRZ alphabet.</summary>
    public static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 0,
    };

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
        var phase = position % 3;
        foreach (var c in segment)
        {
            sum += Value(c) * (phase == 0 ? 7 : phase == 1 ? 3 : 1);
            phase = phase == 2 ? 0 : phase + 1;
        }

        position += segment.Length;
        return sum;
    }
}
