namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Where each field of one ICAO layout sits. Offsets are absolute in the normalised text, whose lines are
/// stored back to back (offset = line index × line length + column index).</summary>
internal sealed class MrzLayout
{
    public static readonly MrzLayout Td1 = new()
    {
        Format = MrzFormat.TD1, LineCount = 3, LineLength = 30,
        IssuingState = 2, DocumentNumber = 5, DocumentNumberCheck = 14, OptionalData = 15, OptionalDataLength = 15,
        BirthDate = 30, BirthDateCheck = 36, Sex = 37, ExpiryDate = 38, ExpiryDateCheck = 44, Nationality = 45,
        OptionalData2 = 48, OptionalData2Length = 11, CompositeCheck = 59, Name = 60, NameLength = 30,
        CompositeSegments = [(5, 25), (30, 7), (38, 7), (48, 11)], DocumentNumberMayOverflow = true,
    };

    public static readonly MrzLayout Td2 = new()
    {
        Format = MrzFormat.TD2, LineCount = 2, LineLength = 36,
        IssuingState = 2, Name = 5, NameLength = 31, DocumentNumber = 36, DocumentNumberCheck = 45, Nationality = 46,
        BirthDate = 49, BirthDateCheck = 55, Sex = 56, ExpiryDate = 57, ExpiryDateCheck = 63,
        OptionalData = 64, OptionalDataLength = 7, CompositeCheck = 71,
        CompositeSegments = [(36, 10), (49, 7), (57, 14)], DocumentNumberMayOverflow = true,
    };

    public static readonly MrzLayout Td3 = new()
    {
        Format = MrzFormat.TD3, LineCount = 2, LineLength = 44,
        IssuingState = 2, Name = 5, NameLength = 39, DocumentNumber = 44, DocumentNumberCheck = 53, Nationality = 54,
        BirthDate = 57, BirthDateCheck = 63, Sex = 64, ExpiryDate = 65, ExpiryDateCheck = 71,
        OptionalData = 72, OptionalDataLength = 14, OptionalDataCheck = 86, CompositeCheck = 87,
        CompositeSegments = [(44, 10), (57, 7), (65, 22)],
    };

    public static readonly MrzLayout MrvA = new()
    {
        Format = MrzFormat.MRVA, LineCount = 2, LineLength = 44,
        IssuingState = 2, Name = 5, NameLength = 39, DocumentNumber = 44, DocumentNumberCheck = 53, Nationality = 54,
        BirthDate = 57, BirthDateCheck = 63, Sex = 64, ExpiryDate = 65, ExpiryDateCheck = 71,
        OptionalData = 72, OptionalDataLength = 16,
    };

    public static readonly MrzLayout MrvB = new()
    {
        Format = MrzFormat.MRVB, LineCount = 2, LineLength = 36,
        IssuingState = 2, Name = 5, NameLength = 31, DocumentNumber = 36, DocumentNumberCheck = 45, Nationality = 46,
        BirthDate = 49, BirthDateCheck = 55, Sex = 56, ExpiryDate = 57, ExpiryDateCheck = 63,
        OptionalData = 64, OptionalDataLength = 8,
    };

    public const int DocumentCode = 0;
    public const int DocumentNumberLength = 9;
    public const int CountryLength = 3;
    public const int DateLength = 6;

    public MrzFormat Format { get; private init; }
    public int LineCount { get; private init; }
    public int LineLength { get; private init; }
    public int TotalLength => LineCount * LineLength;
    public int IssuingState { get; private init; }
    public int Name { get; private init; }
    public int NameLength { get; private init; }
    public int DocumentNumber { get; private init; }
    public int DocumentNumberCheck { get; private init; }
    public int Nationality { get; private init; }
    public int BirthDate { get; private init; }
    public int BirthDateCheck { get; private init; }
    public int Sex { get; private init; }
    public int ExpiryDate { get; private init; }
    public int ExpiryDateCheck { get; private init; }
    public int OptionalData { get; private init; }
    public int OptionalDataLength { get; private init; }

    /// <summary>TD3 personal-number check; -1 where the layout has none.</summary>
    public int OptionalDataCheck { get; private init; } = -1;

    /// <summary>TD1 line-2 optional data; -1 elsewhere.</summary>
    public int OptionalData2 { get; private init; } = -1;

    public int OptionalData2Length { get; private init; }

    /// <summary>-1 for the visas, which have no composite check.</summary>
    public int CompositeCheck { get; private init; } = -1;

    public (int Start, int Length)[] CompositeSegments { get; private init; } = [];

    /// <summary>TD1 and TD2: a '&lt;' in the document-number check position means the number continues in the
    /// optional data (Doc 9303 Parts 5 and 6).</summary>
    public bool DocumentNumberMayOverflow { get; private init; }

    /// <summary>Positions that may only hold digits: both dates and every check digit (built once per layout).</summary>
    public int[] NumericPositions => _numericPositions ??= BuildNumericPositions();

    private int[]? _numericPositions;

    private int[] BuildNumericPositions()
    {
        var positions = new List<int>();
        for (var i = 0; i < DateLength; i++)
        {
            positions.Add(BirthDate + i);
            positions.Add(ExpiryDate + i);
        }

        positions.Add(BirthDateCheck);
        positions.Add(ExpiryDateCheck);
        positions.Add(DocumentNumberCheck);
        if (OptionalDataCheck >= 0)
        {
            positions.Add(OptionalDataCheck);
        }

        if (CompositeCheck >= 0)
        {
            positions.Add(CompositeCheck);
        }

        return [.. positions];
    }

    /// <summary>Document-code letters allowed in the first position.</summary>
    public bool IsValidFirstCodeLetter(char c) => Format switch
    {
        MrzFormat.TD3 => c == 'P',
        MrzFormat.MRVA or MrzFormat.MRVB => c == 'V',
        _ => c is 'A' or 'C' or 'I',
    };

    /// <summary>The layout for a line count and length; a visa when the document code starts with V.</summary>
    public static MrzLayout? Detect(int lineCount, int lineLength, char firstCharacter) => (lineCount, lineLength) switch
    {
        (3, 30) => Td1,
        (2, 36) => firstCharacter == 'V' ? MrvB : Td2,
        (2, 44) => firstCharacter == 'V' ? MrvA : Td3,
        _ => null,
    };

    /// <summary>1-based line of an absolute offset.</summary>
    public int LineOf(int offset) => (offset / LineLength) + 1;

    /// <summary>1-based column of an absolute offset.</summary>
    public int ColumnOf(int offset) => (offset % LineLength) + 1;
}
