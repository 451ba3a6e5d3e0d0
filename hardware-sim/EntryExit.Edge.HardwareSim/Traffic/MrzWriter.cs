using System.Text;

namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>Writes TD3 (passport, MRV-A visa) and TD1 (card) MRZs from fields. The simulator's own code.</summary>
public static class MrzWriter
{
    /// <summary>A TD3 passport (2 × 44): <c>P&lt;</c>, <c>PT</c> and so on.</summary>
    /// <param name="person">Holder and document fields.</param>
    /// <returns>The two lines.</returns>
    public static string[] Td3(MrzFields person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var line1 = Field(person.DocumentCode, 2) + Field(person.IssuingState, 3) + Name(person, 39);
        var number = Field(person.DocumentNumber, 9);
        var optional = Field(person.OptionalData, 14);
        var optionalCheck = person.OptionalData.Length == 0 ? '<' : CheckDigit.Of(optional);
        var numberPart = number + CheckDigit.Of(number);
        var dobPart = person.DateOfBirth + CheckDigit.Of(person.DateOfBirth);
        var expiryPart = person.Expiry + CheckDigit.Of(person.Expiry);
        var optionalPart = optional + optionalCheck;
        var composite = CheckDigit.Of(numberPart + dobPart + expiryPart + optionalPart);
        var line2 = numberPart + Field(person.Nationality, 3) + dobPart + person.Sex + expiryPart + optionalPart + composite;
        return [line1, line2];
    }

    /// <summary>An MRV-A visa (2 × 44, document code <c>V&lt;</c>): no composite check digit.</summary>
    /// <param name="person">Holder and visa fields.</param>
    /// <returns>The two lines.</returns>
    public static string[] VisaA(MrzFields person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var line1 = Field(person.DocumentCode, 2) + Field(person.IssuingState, 3) + Name(person, 39);
        var number = Field(person.DocumentNumber, 9);
        var line2 = number + CheckDigit.Of(number) + Field(person.Nationality, 3)
            + person.DateOfBirth + CheckDigit.Of(person.DateOfBirth) + person.Sex
            + person.Expiry + CheckDigit.Of(person.Expiry) + Field(person.OptionalData, 16);
        return [line1, line2];
    }

    /// <summary>A TD1 card (3 × 30): <c>IP</c> U.S. passport card, <c>C1</c> green card, <c>I&lt;</c> identity card.</summary>
    /// <param name="person">Holder and card fields.</param>
    /// <returns>The three lines.</returns>
    public static string[] Td1(MrzFields person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var number = Field(person.DocumentNumber, 9);
        var line1 = Field(person.DocumentCode, 2) + Field(person.IssuingState, 3) + number + CheckDigit.Of(number) + Field(person.OptionalData, 15);
        var line2Start = person.DateOfBirth + CheckDigit.Of(person.DateOfBirth) + person.Sex + person.Expiry + CheckDigit.Of(person.Expiry)
            + Field(person.Nationality, 3) + Field(person.OptionalData2, 11);
        var composite = CheckDigit.Of(line1[5..30] + line2Start[..7] + line2Start[8..15] + line2Start[18..29]);
        return [line1, line2Start + composite, Name(person, 30)];
    }

    private static string Name(MrzFields person, int width)
    {
        var name = Field(person.Surname, width).TrimEnd('<') + "<<" + string.Join('<', person.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Clean));
        return name.Length > width ? name[..width] : name.PadRight(width, '<');
    }

    private static string Field(string value, int width)
    {
        var clean = Clean(value);
        return clean.Length > width ? clean[..width] : clean.PadRight(width, '<');
    }

    private static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToUpperInvariant())
        {
            builder.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<' ? c : '<');
        }

        return builder.ToString();
    }
}
