namespace EntryExit.Edge.Domain.Mrz;

/// <summary>
/// OCR repair. Numeric positions (dates and check digits) can only hold digits, so a confusable letter there has
/// exactly one reading: all such letters are replaced together and the result is kept only when every check digit
/// then passes; otherwise the text is left as read and the letters are reported. Alphabetic positions (document code,
/// country codes) are repaired only to a value that exists; when several readings exist the repair is refused as
/// ambiguous. Alphanumeric fields (document number, personal number, optional data) are never touched: either
/// reading could be right there, and a wrong guess would turn an error into wrong data.
/// </summary>
internal static class MrzRepair
{
    /// <summary>The most numeric positions any layout has (two dates of six plus five check digits).</summary>
    public const int MaxNumericPositions = 17;

    /// <summary>Replaces confusable letters in numeric positions when that makes every check digit pass.</summary>
    /// <returns>The number of corrections written to <paramref name="corrections"/>.</returns>
    /// <param name="layout">The layout.</param>
    /// <param name="mrz">The normalised text, repaired in place.</param>
    /// <param name="corrections">Receives the corrections.</param>
    /// <param name="ambiguousAt">The offset whose repair was refused as ambiguous, or -1.</param>
    public static int RepairNumeric(MrzLayout layout, Span<char> mrz, Span<MrzCorrection> corrections, out int ambiguousAt)
    {
        ambiguousAt = -1;
        var positions = layout.NumericPositions;
        var count = positions.Length;
        var anyLetter = false;
        foreach (var at in positions)
        {
            anyLetter |= mrz[at] is >= 'A' and <= 'Z';
        }

        if (!anyLetter)
        {
            return 0; // the usual case: nothing to repair, no scratch space needed
        }

        Span<int> repaired = stackalloc int[MaxNumericPositions];
        var repairs = 0;
        for (var i = 0; i < count; i++)
        {
            var c = mrz[positions[i]];
            if (c is >= 'A' and <= 'Z')
            {
                if (MrzOcr.DigitFor(c) == '\0')
                {
                    return 0; // a letter no digit is confused with: nothing to repair it to
                }

                repaired[repairs++] = positions[i];
            }
        }

        if (repairs == 0)
        {
            return 0;
        }

        Span<char> original = stackalloc char[repairs];
        for (var i = 0; i < repairs; i++)
        {
            original[i] = mrz[repaired[i]];
            mrz[repaired[i]] = MrzOcr.DigitFor(original[i]);
        }

        var accepted = Passes(layout, mrz);
        if (accepted && layout.DocumentNumberMayOverflow && mrz[layout.DocumentNumberCheck] == '0'
            && repaired[..repairs].Contains(layout.DocumentNumberCheck))
        {
            // In TD1/TD2 that position may also hold the overflow filler, which weighs the same as 0 in the
            // composite: if the filler reading passes too, the checks cannot tell the two apart.
            mrz[layout.DocumentNumberCheck] = '<';
            if (Passes(layout, mrz))
            {
                accepted = false;
                ambiguousAt = layout.DocumentNumberCheck;
            }

            mrz[layout.DocumentNumberCheck] = '0';
        }

        if (!accepted)
        {
            for (var i = 0; i < repairs; i++)
            {
                mrz[repaired[i]] = original[i];
            }

            return 0;
        }

        for (var i = 0; i < repairs; i++)
        {
            var at = repaired[i];
            corrections[i] = new MrzCorrection(layout.LineOf(at), layout.ColumnOf(at), original[i], mrz[at]);
        }

        return repairs;
    }

    private static bool Passes(MrzLayout layout, ReadOnlySpan<char> mrz) =>
        MrzCheckEvaluator.Evaluate(layout, mrz, MrzOverflow.Find(layout, mrz)).AllPass;

    /// <summary>Outcome of an alphabetic repair.</summary>
    public enum AlphaOutcome
    {
        NothingToRepair,
        Repaired,
        Ambiguous,
        Impossible,
    }

    /// <summary>Replaces digits in an alphabetic field by the letters they are confused with when exactly one
    /// combination satisfies <paramref name="accept"/>.</summary>
    public static AlphaOutcome RepairAlphabetic(
        MrzLayout layout,
        Span<char> mrz,
        int start,
        int length,
        Func<ReadOnlySpan<char>, bool> accept,
        Span<MrzCorrection> corrections,
        ref int correctionCount)
    {
        var field = mrz.Slice(start, length);
        if (!field.ContainsAnyInRange('0', '9'))
        {
            return AlphaOutcome.NothingToRepair;
        }

        Span<char> candidate = stackalloc char[length];
        Span<char> found = stackalloc char[length];
        Span<int> choice = stackalloc int[length];
        var matches = 0;
        while (true)
        {
            // Build the candidate for the current choice of letters (an odometer over each digit's readings).
            for (var i = 0; i < length; i++)
            {
                var letters = MrzOcr.LettersFor(field[i]);
                if (char.IsAsciiDigit(field[i]) && letters.IsEmpty)
                {
                    return AlphaOutcome.Impossible;
                }

                candidate[i] = char.IsAsciiDigit(field[i]) ? letters[choice[i]] : field[i];
            }

            if (accept(candidate) && ++matches == 1)
            {
                candidate.CopyTo(found);
            }

            if (!Advance(field, choice))
            {
                break;
            }
        }

        if (matches != 1)
        {
            return matches == 0 ? AlphaOutcome.Impossible : AlphaOutcome.Ambiguous;
        }

        for (var i = 0; i < length; i++)
        {
            if (field[i] != found[i])
            {
                corrections[correctionCount++] =
                    new MrzCorrection(layout.LineOf(start + i), layout.ColumnOf(start + i), field[i], found[i]);
                field[i] = found[i];
            }
        }

        return AlphaOutcome.Repaired;
    }

    private static bool Advance(ReadOnlySpan<char> field, Span<int> choice)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (!char.IsAsciiDigit(field[i]))
            {
                continue;
            }

            if (++choice[i] < MrzOcr.LettersFor(field[i]).Length)
            {
                return true;
            }

            choice[i] = 0;
        }

        return false;
    }
}
