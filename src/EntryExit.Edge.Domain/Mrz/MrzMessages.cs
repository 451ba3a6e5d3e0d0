using System.Globalization;

namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Technician-facing messages. They name fields and positions, never MRZ content.</summary>
internal static class MrzMessages
{
    public static readonly MrzError Empty =
        new(MrzErrorCodes.Empty, "No MRZ text was received. Rescan the document.");

    public static readonly MrzError TooLong = new(
        MrzErrorCodes.TooLong,
        string.Create(CultureInfo.InvariantCulture, $"The input is longer than {MrzParser.MaxInputLength} characters, more than any MRZ; the reader may be sending several documents or noise. Check the reader and rescan."));

    public static readonly MrzError Expired =
        new(MrzErrorCodes.Expired, "The document has expired (date of expiry is before today).");

    public static readonly MrzError BirthDateUnknown = new(
        MrzErrorCodes.DateOfBirthUnknown,
        "The date of birth is not known in full (the MRZ holds fillers for it); no date of birth is reported.");

    public static MrzError UnknownFormat(int lineCount, ReadOnlySpan<int> lengths)
    {
        var seen = new System.Text.StringBuilder();
        seen.Append(lineCount).Append(lineCount == 1 ? " line of " : " lines of ");
        for (var i = 0; i < lineCount && i < lengths.Length; i++)
        {
            seen.Append(i == 0 ? string.Empty : ", ").Append(lengths[i]);
        }

        seen.Append(lineCount > lengths.Length ? ", ... characters" : " characters");
        return new MrzError(
            MrzErrorCodes.UnknownFormat,
            string.Create(CultureInfo.InvariantCulture, $"Got {seen}; expected 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 (TD3, MRV-A). Rescan the whole MRZ."));
    }

    public static MrzError CheckDigit(MrzLayout layout, string field, int offset) => new(
        MrzErrorCodes.CheckDigit,
        string.Create(CultureInfo.InvariantCulture, $"The {field} check digit (line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)}) does not match; rescan the document."));

    public static MrzError CheckDigitNotNumeric(MrzLayout layout, string field, int offset) => new(
        MrzErrorCodes.CheckDigitNotNumeric,
        string.Create(CultureInfo.InvariantCulture, $"The {field} check digit (line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)}) is not a digit and no OCR repair made every check pass; rescan the document."));

    public static MrzError LetterInDate(MrzLayout layout, string field, int offset) => new(
        MrzErrorCodes.InvalidDate,
        string.Create(CultureInfo.InvariantCulture, $"The {field} holds a letter at line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)} where a digit is required, and no OCR repair made every check pass; rescan the document."));

    public static MrzError InvalidDate(MrzLayout layout, string field, int offset) => new(
        MrzErrorCodes.InvalidDate,
        string.Create(CultureInfo.InvariantCulture, $"The {field} (line {layout.LineOf(offset)}, columns {layout.ColumnOf(offset)}-{layout.ColumnOf(offset) + 5}) is not a calendar date; rescan the document."));

    public static MrzError EmptyOverflow(MrzLayout layout) => new(
        MrzErrorCodes.InvalidField,
        string.Create(CultureInfo.InvariantCulture, $"The document number check position (line {layout.LineOf(layout.DocumentNumberCheck)}, column {layout.ColumnOf(layout.DocumentNumberCheck)}) holds a filler, but no continuation of the number follows in the optional data; rescan the document."));

    public static MrzError EmptyDocumentNumber(MrzLayout layout) => new(
        MrzErrorCodes.InvalidField,
        string.Create(CultureInfo.InvariantCulture, $"The document number (line {layout.LineOf(layout.DocumentNumber)}, column {layout.ColumnOf(layout.DocumentNumber)}) is empty; rescan the document."));

    public static MrzError InvalidDocumentCode(MrzLayout layout) => new(
        MrzErrorCodes.InvalidDocumentCode,
        string.Create(CultureInfo.InvariantCulture, $"The document code (line 1, columns 1-2) is not valid for a {layout.Format} document; rescan the document or check that it is an ICAO document."));

    public static MrzError InvalidName(MrzLayout layout, int offset) => new(
        MrzErrorCodes.InvalidName,
        string.Create(CultureInfo.InvariantCulture, $"The name field is malformed at line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)} (it must start with a letter and hold only letters and fillers); rescan the document."));

    public static MrzError InvalidSex(MrzLayout layout) => new(
        MrzErrorCodes.InvalidSex,
        string.Create(CultureInfo.InvariantCulture, $"The sex field (line {layout.LineOf(layout.Sex)}, column {layout.ColumnOf(layout.Sex)}) is not M, F, X or a filler; rescan the document."));

    public static MrzError AmbiguousRepair(MrzLayout layout, string field, int offset) => new(
        MrzErrorCodes.AmbiguousRepair,
        string.Create(CultureInfo.InvariantCulture, $"The {field} (line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)}) has more than one OCR reading that passes every check, so none was applied; rescan the document."));

    public static MrzError UnrepairableCountry(MrzLayout layout, string field, int offset) => new(
        MrzErrorCodes.InvalidField,
        string.Create(CultureInfo.InvariantCulture, $"The {field} (line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)}) holds a digit and no OCR reading of it gives a known code; rescan the document."));

    public static MrzError UnknownCountry(MrzLayout layout, string code, string field, int offset) => new(
        code,
        string.Create(CultureInfo.InvariantCulture, $"The {field} (line {layout.LineOf(offset)}, column {layout.ColumnOf(offset)}) is not an ISO 3166-1 or ICAO code; check the document by hand."));
}
