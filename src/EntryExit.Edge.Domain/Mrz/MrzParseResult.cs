namespace EntryExit.Edge.Domain.Mrz;

/// <summary>
/// The outcome of parsing one document's MRZ. Always a value, never an exception: when the input is no MRZ,
/// <see cref="Format"/> is null and <see cref="Errors"/> says why. Field values are as printed in the MRZ with
/// fillers removed; this object holds personal data and must never be logged.
/// </summary>
public sealed class MrzParseResult
{
    private static readonly IReadOnlyList<MrzCorrection> NoCorrections = [];
    private static readonly IReadOnlyList<MrzError> NoErrors = [];

    /// <summary>The layout recognised, or null when the input is no MRZ.</summary>
    public MrzFormat? Format { get; init; }

    /// <summary>Document code with trailing fillers removed: "P", "PT", "IP", "C1", "V", "AC"…</summary>
    public string? DocumentCode { get; init; }

    /// <summary>Issuing state or organisation (ICAO 3-letter code, fillers removed: "D" for Germany).</summary>
    public string? IssuingState { get; init; }

    /// <summary>Primary identifier, fillers removed, name parts separated by single spaces.</summary>
    public string? Surname { get; init; }

    /// <summary>Secondary identifier, components separated by single spaces; empty when the document has none.</summary>
    public string? GivenNames { get; init; }

    /// <summary>True when the name field is filled to its last position, so the name may have been truncated.</summary>
    public bool NameTruncated { get; init; }

    /// <summary>The full document number, including a TD1/TD2 overflow carried in the optional data.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Nationality code as printed (for a U.S. green card this is the country of BIRTH, not citizenship).</summary>
    public string? Nationality { get; init; }

    /// <summary>Date of birth with the century resolved (never after "today"); null when unreadable or unknown.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>'M', 'F' or 'X' ('&lt;', unspecified, is reported as 'X').</summary>
    public char? Sex { get; init; }

    /// <summary>Date of expiry with the century resolved within a window around "today".</summary>
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>Optional data: TD3 personal number; TD1 line 1 and TD2 optional data (after any overflow); fillers removed.</summary>
    public string? OptionalData { get; init; }

    /// <summary>TD1 only: the optional data of line 2; fillers removed.</summary>
    public string? OptionalData2 { get; init; }

    /// <summary>Check-digit results after the corrections in <see cref="Corrections"/>.</summary>
    public MrzChecks Checks { get; init; }

    /// <summary>OCR repairs applied, in line and column order.</summary>
    public IReadOnlyList<MrzCorrection> Corrections { get; init; } = NoCorrections;

    /// <summary>Problems that make the document invalid. Empty when <see cref="Valid"/>.</summary>
    public IReadOnlyList<MrzError> Errors { get; init; } = NoErrors;

    /// <summary>Findings that do not invalidate the document (for example an unknown country code).</summary>
    public IReadOnlyList<MrzError> Warnings { get; init; } = NoErrors;

    /// <summary>True only when a format was recognised, every check digit passes after the listed corrections and
    /// there are no errors.</summary>
    public bool Valid => Format is not null && Errors.Count == 0 && Checks.AllPass;
}
