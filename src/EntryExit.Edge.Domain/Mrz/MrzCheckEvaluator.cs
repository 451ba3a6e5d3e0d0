namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Computes every check-digit result of a layout over the (possibly repaired) text. A check position holding
/// anything but a digit counts as a failed check; the reader reports why separately.</summary>
internal static class MrzCheckEvaluator
{
    public static MrzChecks Evaluate(MrzLayout layout, ReadOnlySpan<char> mrz, MrzOverflow overflow)
    {
        return new MrzChecks(
            DocumentNumber(layout, mrz, overflow),
            Matches(mrz.Slice(layout.BirthDate, MrzLayout.DateLength), mrz[layout.BirthDateCheck]),
            Matches(mrz.Slice(layout.ExpiryDate, MrzLayout.DateLength), mrz[layout.ExpiryDateCheck]),
            OptionalData(layout, mrz),
            Composite(layout, mrz));
    }

    /// <summary>True when a '&lt;' in the TD3 personal-number check position is allowed: the field is all fillers.</summary>
    public static bool IsEmptyOptionalDataCheck(MrzLayout layout, ReadOnlySpan<char> mrz) =>
        layout.OptionalDataCheck >= 0
        && mrz[layout.OptionalDataCheck] == '<'
        && !mrz.Slice(layout.OptionalData, layout.OptionalDataLength).ContainsAnyExcept('<');

    private static bool DocumentNumber(MrzLayout layout, ReadOnlySpan<char> mrz, MrzOverflow overflow)
    {
        var field = mrz.Slice(layout.DocumentNumber, MrzLayout.DocumentNumberLength);
        if (overflow.IsEmpty)
        {
            return false;
        }

        if (!overflow.IsPresent)
        {
            return Matches(field, mrz[layout.DocumentNumberCheck]);
        }

        var check = mrz[overflow.CheckOffset];
        if (!char.IsAsciiDigit(check))
        {
            return false;
        }

        var position = 0;
        var sum = MrzCheckDigit.Accumulate(field, ref position)
            + MrzCheckDigit.Accumulate(mrz.Slice(overflow.Start, overflow.NumberLength), ref position);
        return sum % 10 == check - '0';
    }

    private static bool? OptionalData(MrzLayout layout, ReadOnlySpan<char> mrz)
    {
        if (layout.OptionalDataCheck < 0 || IsEmptyOptionalDataCheck(layout, mrz))
        {
            return null;
        }

        return Matches(mrz.Slice(layout.OptionalData, layout.OptionalDataLength), mrz[layout.OptionalDataCheck]);
    }

    private static bool? Composite(MrzLayout layout, ReadOnlySpan<char> mrz)
    {
        if (layout.CompositeCheck < 0)
        {
            return null;
        }

        var check = mrz[layout.CompositeCheck];
        if (!char.IsAsciiDigit(check))
        {
            return false;
        }

        var position = 0;
        var sum = 0;
        foreach (var (start, length) in layout.CompositeSegments)
        {
            sum += MrzCheckDigit.Accumulate(mrz.Slice(start, length), ref position);
        }

        return sum % 10 == check - '0';
    }

    private static bool Matches(ReadOnlySpan<char> field, char check) =>
        char.IsAsciiDigit(check) && MrzCheckDigit.Compute(field) == check - '0';
}
