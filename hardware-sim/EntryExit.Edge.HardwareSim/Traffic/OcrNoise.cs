namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>Misreads one character the way OCR-B readers do (0/O, 1/I, 5/S, 8/B, 2/Z, C/G, U/V and more).</summary>
public static class OcrNoise
{
    // Every pair differs in MRZ value by an amount that is not a multiple of 10, so the weighted check-digit
    // sum always changes (weights 7, 3, 1 are coprime to 10). Every digit has an entry: dates always qualify.
    private static readonly Dictionary<char, char> Confusions = new()
    {
        ['0'] = 'O', ['O'] = '0', ['1'] = 'I', ['I'] = '1', ['5'] = 'S', ['S'] = '5', ['8'] = 'B', ['B'] = '8',
        ['2'] = 'Z', ['Z'] = '2', ['3'] = '8', ['4'] = 'A', ['A'] = '4', ['6'] = 'E', ['7'] = 'T', ['T'] = '7',
        ['9'] = 'P', ['C'] = 'G', ['G'] = 'C', ['U'] = 'V', ['V'] = 'U', ['E'] = 'F', ['F'] = 'E',
    };

    /// <summary>Returns a copy of <paramref name="lines"/> with one confusable character of the data line swapped.</summary>
    /// <param name="lines">Clean MRZ lines.</param>
    /// <param name="random">Seeded source.</param>
    /// <returns>The misread lines.</returns>
    public static IReadOnlyList<string> Corrupt(IReadOnlyList<string> lines, Random random)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(random);

        // The line with the check-digited fields: line 2 of a passport, line 1 of a card.
        var target = lines.Count == 3 ? 0 : 1;
        var line = lines[target].ToCharArray();
        // Only characters under a check digit, so every misread is detectable (each swap changes the weighted sum).
        var covered = lines.Count == 3 ? Enumerable.Range(5, 25) : Enumerable.Range(0, 10).Concat(Enumerable.Range(13, 7)).Concat(Enumerable.Range(21, 23));
        var candidates = covered.Where(i => i < line.Length && line[i] != '<' && Confusions.ContainsKey(line[i])).ToList();
        if (candidates.Count == 0)
        {
            return lines;
        }

        var at = candidates[random.Next(candidates.Count)];
        line[at] = Confusions[line[at]];
        var copy = lines.ToArray();
        copy[target] = new string(line);
        return copy;
    }
}
