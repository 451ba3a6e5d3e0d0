namespace EntryExit.Edge.Domain.Mrz;

/// <summary>The OCR-B confusions the repair step knows. A numeric position can only hold a digit, and each confusable
/// letter stands for exactly one digit; an alphabetic position may have several readings for one digit
/// ('0' may be O, Q or D), which is where repairs can be ambiguous.</summary>
internal static class MrzOcr
{
    /// <summary>The digit a letter read in a numeric position most likely was, or '\0' when the letter is no known
    /// confusion.</summary>
    public static char DigitFor(char letter) => letter switch
    {
        'O' or 'Q' or 'D' => '0',
        'I' or 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        _ => '\0',
    };

    /// <summary>The letters a digit read in an alphabetic position may have been (the reverse of
    /// <see cref="DigitFor"/>); empty when the digit is no known confusion.</summary>
    public static ReadOnlySpan<char> LettersFor(char digit) => digit switch
    {
        '0' => "OQD",
        '1' => "IL",
        '2' => "Z",
        '5' => "S",
        '6' => "G",
        '8' => "B",
        _ => [],
    };
}
