namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Stable error and warning codes. Acceptance checks and booth software match on these: add, never rename.</summary>
public static class MrzErrorCodes
{
    /// <summary>Nothing but whitespace was given.</summary>
    public const string Empty = "MRZ_EMPTY";
    /// <summary>The input is longer than any MRZ could be.</summary>
    public const string TooLong = "MRZ_TOO_LONG";
    /// <summary>A character outside A–Z, 0–9 and the filler (after normalisation); the message names line and column.</summary>
    public const string InvalidCharacter = "MRZ_INVALID_CHARACTER";
    /// <summary>The number and lengths of lines match no ICAO layout.</summary>
    public const string UnknownFormat = "MRZ_UNKNOWN_FORMAT";
    /// <summary>A check digit does not match its field (after any OCR repair); the message names the field.</summary>
    public const string CheckDigit = "MRZ_CHECK_DIGIT";
    /// <summary>A check-digit position holds something other than a digit (or an allowed filler).</summary>
    public const string CheckDigitNotNumeric = "MRZ_CHECK_DIGIT_NOT_NUMERIC";
    /// <summary>A date field is not a calendar date.</summary>
    public const string InvalidDate = "MRZ_INVALID_DATE";
    /// <summary>The sex field is not M, F, X or filler.</summary>
    public const string InvalidSex = "MRZ_INVALID_SEX";
    /// <summary>The document code is not a valid ICAO document code for the layout.</summary>
    public const string InvalidDocumentCode = "MRZ_INVALID_DOCUMENT_CODE";
    /// <summary>The name field is malformed (for example, it starts with a filler).</summary>
    public const string InvalidName = "MRZ_INVALID_NAME";
    /// <summary>A field is malformed in a way not covered by a more specific code.</summary>
    public const string InvalidField = "MRZ_INVALID_FIELD";
    /// <summary>More than one OCR repair would make every check digit pass, so none is applied.</summary>
    public const string AmbiguousRepair = "MRZ_AMBIGUOUS_REPAIR";
    /// <summary>Warning: the issuing-state code is neither ISO 3166-1 alpha-3 nor an ICAO code.</summary>
    public const string UnknownIssuingState = "MRZ_UNKNOWN_ISSUING_STATE";
    /// <summary>Warning: the nationality code is neither ISO 3166-1 alpha-3 nor an ICAO code.</summary>
    public const string UnknownNationality = "MRZ_UNKNOWN_NATIONALITY";
    /// <summary>Warning: the date of birth holds fillers (unknown in full or in part), so none is reported.</summary>
    public const string DateOfBirthUnknown = "MRZ_DATE_OF_BIRTH_UNKNOWN";
    /// <summary>Warning: the document has expired (relative to "today").</summary>
    public const string Expired = "MRZ_EXPIRED";
}
