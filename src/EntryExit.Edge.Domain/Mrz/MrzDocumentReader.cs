namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Reads the fields of one normalised MRZ whose layout is known, repairing and checking as it goes.</summary>
internal ref struct MrzDocumentReader
{
    private const int MaxCorrections = MrzRepair.MaxNumericPositions + 8;

    private static readonly IReadOnlyList<MrzError> ExpiredOnly = Array.AsReadOnly([MrzMessages.Expired]);

    private readonly MrzLayout _layout;
    private readonly Span<char> _mrz;
    private readonly DateOnly _today;
    private List<MrzError>? _errors;
    private List<MrzError>? _warnings;

    public MrzDocumentReader(MrzLayout layout, Span<char> mrz, DateOnly today)
    {
        _layout = layout;
        _mrz = mrz;
        _today = today;
    }

    public MrzParseResult Read()
    {
        Span<MrzCorrection> corrections = stackalloc MrzCorrection[MaxCorrections];
        var correctionCount = MrzRepair.RepairNumeric(_layout, _mrz, corrections, out var ambiguousAt);
        if (ambiguousAt >= 0)
        {
            AddError(MrzMessages.AmbiguousRepair(_layout, "document number check digit", ambiguousAt));
        }

        var documentCode = ReadDocumentCode(corrections, ref correctionCount);
        var issuingState = ReadCountry(_layout.IssuingState, "issuing state", MrzErrorCodes.UnknownIssuingState, corrections, ref correctionCount);
        var nationality = ReadCountry(_layout.Nationality, "nationality", MrzErrorCodes.UnknownNationality, corrections, ref correctionCount);
        var nameError = MrzNames.Decode(_mrz.Slice(_layout.Name, _layout.NameLength), out var surname, out var givenNames, out var truncated);
        if (nameError >= 0)
        {
            AddError(MrzMessages.InvalidName(_layout, _layout.Name + nameError));
        }

        var sex = ReadSex();
        var overflow = MrzOverflow.Find(_layout, _mrz);
        var checks = MrzCheckEvaluator.Evaluate(_layout, _mrz, overflow);
        ReportChecks(checks, overflow);
        var documentNumber = ReadDocumentNumber(overflow);
        var birthDate = ReadBirthDate();
        var expiryDate = ReadExpiryDate(out var expired);

        return new MrzParseResult
        {
            Format = _layout.Format,
            DocumentCode = documentCode,
            IssuingState = issuingState,
            Surname = surname,
            GivenNames = givenNames,
            NameTruncated = truncated,
            DocumentNumber = documentNumber,
            Nationality = nationality,
            DateOfBirth = birthDate,
            Sex = sex,
            ExpiryDate = expiryDate,
            OptionalData = ReadOptionalData(overflow),
            OptionalData2 = _layout.OptionalData2 < 0 ? null : Trimmed(_mrz.Slice(_layout.OptionalData2, _layout.OptionalData2Length)),
            Checks = checks,
            Corrections = correctionCount == 0 ? [] : Sorted(corrections[..correctionCount]),
            Errors = _errors is null ? [] : _errors.AsReadOnly(),
            Warnings = _warnings is null ? (expired ? ExpiredOnly : []) : WithExpired(_warnings, expired),
        };
    }

    private string? ReadDocumentCode(scoped Span<MrzCorrection> corrections, ref int correctionCount)
    {
        var first = _mrz[MrzLayout.DocumentCode];
        if (char.IsAsciiDigit(first))
        {
            var layout = _layout;
            var outcome = MrzRepair.RepairAlphabetic(
                _layout, _mrz, MrzLayout.DocumentCode, 1, c => layout.IsValidFirstCodeLetter(c[0]), corrections, ref correctionCount);
            if (outcome == MrzRepair.AlphaOutcome.Ambiguous)
            {
                AddError(MrzMessages.AmbiguousRepair(_layout, "document code", MrzLayout.DocumentCode));
                return null;
            }

            first = _mrz[MrzLayout.DocumentCode];
        }

        if (!_layout.IsValidFirstCodeLetter(first))
        {
            AddError(MrzMessages.InvalidDocumentCode(_layout));
            return null;
        }

        return MrzDocumentCodes.Get(first, _mrz[MrzLayout.DocumentCode + 1]);
    }

    private string? ReadCountry(int offset, string field, string unknownCode, scoped Span<MrzCorrection> corrections, ref int correctionCount)
    {
        var outcome = MrzRepair.RepairAlphabetic(
            _layout, _mrz, offset, MrzLayout.CountryLength, static c => MrzCountryCodes.Find(c) is not null, corrections, ref correctionCount);
        switch (outcome)
        {
            case MrzRepair.AlphaOutcome.Ambiguous:
                AddError(MrzMessages.AmbiguousRepair(_layout, field, offset));
                return null;
            case MrzRepair.AlphaOutcome.Impossible:
                AddError(MrzMessages.UnrepairableCountry(_layout, field, offset));
                return null;
        }

        var value = _mrz.Slice(offset, MrzLayout.CountryLength);
        var known = MrzCountryCodes.Find(value);
        if (known is not null)
        {
            return known;
        }

        (_warnings ??= []).Add(MrzMessages.UnknownCountry(_layout, unknownCode, field, offset));
        return Trimmed(value) is { Length: > 0 } unknown ? unknown : null;
    }

    private char? ReadSex()
    {
        var sex = _mrz[_layout.Sex];
        switch (sex)
        {
            case 'M' or 'F' or 'X':
                return sex;
            case '<':
                return 'X';
            default:
                // No OCR confusion turns a digit into M, F or X, so there is nothing to repair here.
                AddError(MrzMessages.InvalidSex(_layout));
                return null;
        }
    }

    private void ReportChecks(MrzChecks checks, MrzOverflow overflow)
    {
        ReportLettersInDate(_layout.BirthDate, "date of birth");
        ReportLettersInDate(_layout.ExpiryDate, "date of expiry");
        if (overflow.IsEmpty)
        {
            AddError(MrzMessages.EmptyOverflow(_layout));
        }
        else if (checks.DocumentNumber == false)
        {
            ReportCheck("document number", overflow.IsPresent ? overflow.CheckOffset : _layout.DocumentNumberCheck);
        }

        if (checks.DateOfBirth == false)
        {
            ReportCheck("date of birth", _layout.BirthDateCheck);
        }

        if (checks.ExpiryDate == false)
        {
            ReportCheck("date of expiry", _layout.ExpiryDateCheck);
        }

        if (checks.OptionalData == false)
        {
            ReportCheck("personal number", _layout.OptionalDataCheck);
        }

        if (checks.Composite == false)
        {
            ReportCheck("composite", _layout.CompositeCheck);
        }
    }

    private void ReportLettersInDate(int start, string field)
    {
        var date = _mrz.Slice(start, MrzLayout.DateLength);
        for (var i = date.IndexOfAnyInRange('A', 'Z'); i >= 0 && i < date.Length; i++)
        {
            if (date[i] is >= 'A' and <= 'Z')
            {
                AddError(MrzMessages.LetterInDate(_layout, field, start + i));
            }
        }
    }

    private void ReportCheck(string field, int offset) =>
        AddError(char.IsAsciiDigit(_mrz[offset])
            ? MrzMessages.CheckDigit(_layout, field, offset)
            : MrzMessages.CheckDigitNotNumeric(_layout, field, offset));

    private string? ReadDocumentNumber(MrzOverflow overflow)
    {
        var field = _mrz.Slice(_layout.DocumentNumber, MrzLayout.DocumentNumberLength).TrimEnd('<');
        if (!overflow.IsPresent && !field.Contains('<'))
        {
            // The usual case: a number padded on the right only.
            if (field.IsEmpty)
            {
                AddError(MrzMessages.EmptyDocumentNumber(_layout));
                return null;
            }

            return new string(field);
        }

        Span<char> number = stackalloc char[MrzLayout.DocumentNumberLength + 36];
        var length = 0;
        foreach (var c in field)
        {
            if (c != '<')
            {
                number[length++] = c;
            }
        }

        if (overflow.IsPresent)
        {
            _mrz.Slice(overflow.Start, overflow.NumberLength).CopyTo(number[length..]);
            length += overflow.NumberLength;
        }

        if (length == 0)
        {
            AddError(MrzMessages.EmptyDocumentNumber(_layout));
            return null;
        }

        return new string(number[..length]);
    }

    private DateOnly? ReadBirthDate()
    {
        var field = _mrz.Slice(_layout.BirthDate, MrzLayout.DateLength);
        if (field.ContainsAnyInRange('A', 'Z'))
        {
            return null; // reported with its position by ReportChecks
        }

        switch (MrzDates.ReadBirth(field, _today, out var date))
        {
            case MrzDates.Outcome.Date:
                return date;
            case MrzDates.Outcome.Unknown:
                (_warnings ??= []).Add(MrzMessages.BirthDateUnknown);
                return null;
            default:
                AddError(MrzMessages.InvalidDate(_layout, "date of birth", _layout.BirthDate));
                return null;
        }
    }

    private DateOnly? ReadExpiryDate(out bool expired)
    {
        expired = false;
        var field = _mrz.Slice(_layout.ExpiryDate, MrzLayout.DateLength);
        if (field.ContainsAnyInRange('A', 'Z'))
        {
            return null;
        }

        if (MrzDates.ReadExpiry(field, _today, out var date) != MrzDates.Outcome.Date)
        {
            AddError(MrzMessages.InvalidDate(_layout, "date of expiry", _layout.ExpiryDate));
            return null;
        }

        expired = date < _today;
        return date;
    }

    private string ReadOptionalData(MrzOverflow overflow)
    {
        var end = _layout.OptionalData + _layout.OptionalDataLength;
        var start = overflow.IsPresent ? overflow.RemainderStart : _layout.OptionalData;
        if (overflow.IsEmpty)
        {
            start = _layout.OptionalData;
        }

        return Trimmed(_mrz[start..end]);
    }

    /// <summary>Trailing fillers removed; inner fillers kept, since they separate an issuer's own sub-fields.</summary>
    private static string Trimmed(ReadOnlySpan<char> field)
    {
        var trimmed = field.TrimEnd('<');
        return trimmed.IsEmpty ? string.Empty : new string(trimmed);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<MrzCorrection> Sorted(Span<MrzCorrection> corrections)
    {
        var array = corrections.ToArray();
        Array.Sort(array, static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return Array.AsReadOnly(array);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<MrzError> WithExpired(List<MrzError> warnings, bool expired)
    {
        if (expired)
        {
            warnings.Add(MrzMessages.Expired);
        }

        return warnings.AsReadOnly();
    }

    private void AddError(MrzError error) => (_errors ??= []).Add(error);
}
