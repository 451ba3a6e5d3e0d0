using System.Globalization;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Domain.Tests.Mrz;

/// <summary>The fields of a document and an independent MRZ writer for them (its own check-digit code, so a bug
/// in the engine cannot hide in both). Names use '&lt;' between components, as printed.</summary>
internal sealed record MrzTestDocument(
    MrzFormat Format,
    string DocumentCode,
    string IssuingState,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    DateOnly DateOfBirth,
    char Sex,
    DateOnly ExpiryDate,
    string OptionalData,
    string OptionalData2)
{
    public static int CheckDigit(string s)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var value = c == '<' ? 0 : char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i % 3];
        }

        return sum % 10;
    }

    public static char CheckChar(string s) => (char)('0' + CheckDigit(s));

    /// <summary>The MRZ lines, unjoined.</summary>
    public string[] Lines()
    {
        var dob = Date(DateOfBirth);
        var exp = Date(ExpiryDate);
        switch (Format)
        {
            case MrzFormat.TD1:
            {
                var (numberField, optional1) = Overflowed(OptionalData, 15);
                var line1 = Pad(DocumentCode, 2) + Pad(IssuingState, 3) + numberField + optional1;
                var line2 = dob + CheckChar(dob) + Sex + exp + CheckChar(exp) + Pad(Nationality, 3) + Pad(OptionalData2, 11);
                var composite = line1[5..30] + line2[0..7] + line2[8..15] + line2[18..29];
                return [line1, line2 + CheckChar(composite), Name(30)];
            }

            case MrzFormat.TD2:
            {
                var (numberField, optional) = Overflowed(OptionalData, 7);
                var line2 = numberField + Pad(Nationality, 3) + dob + CheckChar(dob) + Sex + exp + CheckChar(exp) + optional;
                var composite = line2[0..10] + line2[13..20] + line2[21..35];
                return [Pad(DocumentCode, 2) + Pad(IssuingState, 3) + Name(31), line2 + CheckChar(composite)];
            }

            case MrzFormat.TD3:
            {
                var personal = Pad(OptionalData, 14);
                var personalCheck = OptionalData.Length == 0 ? '<' : CheckChar(personal);
                var line2 = Pad(DocumentNumber, 9) + CheckChar(Pad(DocumentNumber, 9)) + Pad(Nationality, 3) + dob
                    + CheckChar(dob) + Sex + exp + CheckChar(exp) + personal + personalCheck;
                var composite = line2[0..10] + line2[13..20] + line2[21..43];
                return [Pad(DocumentCode, 2) + Pad(IssuingState, 3) + Name(39), line2 + CheckChar(composite)];
            }

            default:
            {
                var (nameLength, optionalLength) = Format == MrzFormat.MRVA ? (39, 16) : (31, 8);
                var line2 = Pad(DocumentNumber, 9) + CheckChar(Pad(DocumentNumber, 9)) + Pad(Nationality, 3) + dob
                    + CheckChar(dob) + Sex + exp + CheckChar(exp) + Pad(OptionalData, optionalLength);
                return [Pad(DocumentCode, 2) + Pad(IssuingState, 3) + Name(nameLength), line2];
            }
        }
    }

    public string Text() => string.Join('\n', Lines());

    /// <summary>The given names as the parser reports them (space-separated).</summary>
    public string ExpectedGivenNames => GivenNames.Replace('<', ' ');

    public string ExpectedSurname => Surname.Replace('<', ' ');

    public char ExpectedSex => Sex == '<' ? 'X' : Sex;

    public bool ExpectedTruncated => NameText.Length == NameFieldLength;

    private string NameText => GivenNames.Length == 0 ? Surname : Surname + "<<" + GivenNames;

    public int NameFieldLength => Format switch
    {
        MrzFormat.TD1 => 30,
        MrzFormat.TD2 or MrzFormat.MRVB => 31,
        _ => 39,
    };

    /// <summary>The 9-character number field plus its check, and the optional data with any overflow in front.</summary>
    private (string NumberField, string Optional) Overflowed(string optional, int optionalLength)
    {
        if (DocumentNumber.Length <= 9)
        {
            var field = Pad(DocumentNumber, 9);
            return (field + CheckChar(field), Pad(optional, optionalLength));
        }

        var rest = DocumentNumber[9..];
        var overflow = rest + CheckChar(DocumentNumber) + "<" + optional;
        return (DocumentNumber[..9] + "<", Pad(overflow, optionalLength));
    }

    private string Name(int length)
    {
        return Pad(NameText, length);
    }

    private static string Date(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Pad(string s, int length) =>
        s.Length > length ? throw new ArgumentException("field too long for its layout", nameof(s)) : s.PadRight(length, '<');
}
