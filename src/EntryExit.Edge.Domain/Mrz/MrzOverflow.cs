namespace EntryExit.Edge.Domain.Mrz;

/// <summary>A TD1/TD2 document number longer than nine characters (Doc 9303 Parts 5 and 6): the check-digit position
/// holds '&lt;', the number continues in the optional data up to the next '&lt;', and the last character before that
/// filler is the check digit.</summary>
internal readonly record struct MrzOverflow(int Start, int NumberLength, int CheckOffset, int RemainderStart)
{
    /// <summary>No overflow: the document number is the nine-character field.</summary>
    public static readonly MrzOverflow None = new(-1, 0, -1, -1);

    /// <summary>The check position holds '&lt;' but the optional data starts with a filler: nothing continues.</summary>
    public static readonly MrzOverflow Empty = new(-1, 0, -1, -2);

    public bool IsPresent => CheckOffset >= 0;

    public bool IsEmpty => RemainderStart == -2;

    /// <summary>Finds the overflow in <paramref name="mrz"/> for <paramref name="layout"/>.</summary>
    public static MrzOverflow Find(MrzLayout layout, ReadOnlySpan<char> mrz)
    {
        if (!layout.DocumentNumberMayOverflow || mrz[layout.DocumentNumberCheck] != '<')
        {
            return None;
        }

        var optional = mrz.Slice(layout.OptionalData, layout.OptionalDataLength);
        var length = optional.IndexOf('<');
        if (length < 0)
        {
            length = optional.Length;
        }

        // A lone character before the filler is only a check digit: nothing continues. Doc 9303 uses the overflow
        // only for numbers over nine characters, so a nine-character number with its check digit moved into the
        // optional data is no overflow (found by the fuzzer: it used to parse valid).
        if (length <= 1)
        {
            return Empty;
        }

        // The remainder starts after the terminating filler (or is empty when the overflow fills the field).
        var remainder = Math.Min(layout.OptionalData + length + 1, layout.OptionalData + layout.OptionalDataLength);
        return new MrzOverflow(layout.OptionalData, length - 1, layout.OptionalData + length - 1, remainder);
    }
}
