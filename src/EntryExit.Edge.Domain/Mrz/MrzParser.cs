namespace EntryExit.Edge.Domain.Mrz;

/// <summary>
/// Parses ICAO Doc 9303 machine-readable zones (TD1, TD2, TD3, MRV-A, MRV-B). Pure: no I/O, no clock, never throws.
/// </summary>
/// <remarks>
/// <para><b>Dates.</b> Two-digit years are resolved against the caller's <c>today</c>. A date of birth takes the latest
/// century that does not put it after today (so nobody is born in the future; a person over 100 is read as a
/// century younger, which no MRZ can tell apart). A date of expiry takes the century that puts its year in
/// (today.Year − 80, today.Year + 20]: no document is issued for more than 20 years ahead, and a document expired
/// more than 80 years ago is not presented. An expired document parses normally with an <c>MRZ_EXPIRED</c> warning.
/// A date of birth held as fillers, wholly ("&lt;&lt;&lt;&lt;&lt;&lt;") or for the unknown day ("YYMM&lt;&lt;") or month and
/// day ("YY&lt;&lt;&lt;&lt;"), as Doc 9303 allows, gives a null <c>DateOfBirth</c> with an <c>MRZ_DATE_OF_BIRTH_UNKNOWN</c>
/// warning; its check digit is still verified. Any other non-date (month 13, 30 February) is <c>MRZ_INVALID_DATE</c>.</para>
/// <para><b>Repair.</b> Only when a check would otherwise fail. In numeric positions (dates and check digits) the
/// OCR confusions O, Q, D → 0; I, L → 1; Z → 2; S → 5; G → 6; B → 8 each have one reading, so all such letters are
/// replaced together and kept only if every check digit then passes (and, at the TD1/TD2 document-number check
/// position, only if the overflow filler '&lt;' there, which weighs the same as 0, would not pass too: otherwise the
/// repair is ambiguous). In alphabetic positions (first character of the
/// document code, issuing state, nationality) a digit is replaced by the letters it is confused with (0 → O, Q, D;
/// 1 → I, L; 2 → Z; 5 → S; 6 → G; 8 → B) only when exactly one reading gives a valid code; two or more valid readings
/// ("GB0": GBD or GBO) is <c>MRZ_AMBIGUOUS_REPAIR</c>. Alphanumeric fields (document number, personal number,
/// optional data, the TD1/TD2 overflow check digit inside the optional data) are never repaired. Each applied repair
/// is listed in <c>Corrections</c>.</para>
/// <para><b>Input.</b> CR, LF and CRLF end lines; blank lines are skipped (so line numbers in messages and
/// corrections count MRZ lines); trailing spaces and tabs are dropped; '_' is read as the filler and a–z as A–Z.
/// Any other character is <c>MRZ_INVALID_CHARACTER</c>, reported by line, column and code point.</para>
/// <para><b>Text.</b> Names: fillers become single spaces, trailing fillers are dropped. Document numbers lose all
/// fillers; optional data loses trailing fillers only (inner ones separate an issuer's sub-fields).</para>
/// </remarks>
public static class MrzParser
{
    /// <summary>Longest input considered: anything longer is rejected before any other work.</summary>
    public const int MaxInputLength = 512;

    private static readonly MrzParseResult EmptyResult = new() { Errors = Array.AsReadOnly([MrzMessages.Empty]) };
    private static readonly MrzParseResult TooLongResult = new() { Errors = Array.AsReadOnly([MrzMessages.TooLong]) };

    /// <summary>Parses one document's MRZ (lines separated by CR, LF or CRLF).</summary>
    /// <param name="text">The raw text as a reader sends it.</param>
    /// <param name="today">The local date at the gateway; used to resolve two-digit years.</param>
    public static MrzParseResult Parse(ReadOnlySpan<char> text, DateOnly today)
    {
        if (text.Length > MaxInputLength)
        {
            return TooLongResult;
        }

        if (text.IsWhiteSpace())
        {
            return EmptyResult;
        }

        Span<char> normalised = stackalloc char[MrzInput.BufferLength];
        Span<int> lineLengths = stackalloc int[MrzInput.RememberedLines];
        var invalid = MrzInput.Normalise(text, normalised, lineLengths, out var lineCount, out _);
        if (invalid is not null)
        {
            return Fail(invalid);
        }

        if (lineCount == 0)
        {
            return EmptyResult; // only blank lines and trailing spaces
        }

        var length = lineLengths[0];
        for (var i = 1; i < lineCount && i < MrzInput.RememberedLines; i++)
        {
            if (lineLengths[i] != length)
            {
                length = -1;
            }
        }

        var layout = MrzLayout.Detect(lineCount, length, normalised[0]);
        if (layout is null)
        {
            return Fail(MrzMessages.UnknownFormat(lineCount, lineLengths[..Math.Min(lineCount, MrzInput.RememberedLines)]));
        }

        return new MrzDocumentReader(layout, normalised[..layout.TotalLength], today).Read();
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{char}, DateOnly)"/>
    public static MrzParseResult Parse(string? text, DateOnly today) => Parse(text.AsSpan(), today);

    private static MrzParseResult Fail(MrzError error) => new() { Errors = Array.AsReadOnly([error]) };
}
