namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Parses ICAO Doc 9303 machine-readable zones. Pure: no I/O, no clock, never throws.</summary>
public static class MrzParser
{
    /// <summary>Longest input considered: anything longer is rejected before any other work.</summary>
    public const int MaxInputLength = 512;

    /// <summary>Parses one document's MRZ (lines separated by CR, LF or CRLF).</summary>
    /// <param name="text">The raw text as a reader sends it.</param>
    /// <param name="today">The local date at the gateway; used to resolve two-digit years.</param>
    public static MrzParseResult Parse(ReadOnlySpan<char> text, DateOnly today)
    {
        _ = today;
        return text.IsWhiteSpace()
            ? Fail(MrzErrorCodes.Empty, "No MRZ text was received. Rescan the document.")
            : Fail(MrzErrorCodes.UnknownFormat, "The MRZ engine is not built yet.");
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{char}, DateOnly)"/>
    public static MrzParseResult Parse(string? text, DateOnly today) => Parse(text.AsSpan(), today);

    private static MrzParseResult Fail(string code, string message) => new() { Errors = [new MrzError(code, message)] };
}
