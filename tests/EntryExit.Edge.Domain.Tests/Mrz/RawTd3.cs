namespace EntryExit.Edge.Domain.Tests.Mrz;

/// <summary>Builds a TD3 MRZ from raw field text (no validation), with every check digit computed, so a test can
/// put exactly the oddity it needs into one field.</summary>
internal static class RawTd3
{
    public static string Build(
        string name = "ERIKSSON<<ANNA<MARIA",
        string issuer = "UTO",
        string code = "P<",
        string number = "L898902C3",
        string nationality = "UTO",
        string birth = "740812",
        char sex = 'F',
        string expiry = "300415",
        string personal = "ZE184226B")
    {
        var personalField = personal.PadRight(14, '<');
        var line2 = number.PadRight(9, '<') + MrzTestDocument.CheckChar(number.PadRight(9, '<')) + nationality + birth
            + MrzTestDocument.CheckChar(birth) + sex + expiry + MrzTestDocument.CheckChar(expiry) + personalField
            + (personal.Length == 0 ? '<' : MrzTestDocument.CheckChar(personalField));
        line2 += MrzTestDocument.CheckChar(line2[0..10] + line2[13..20] + line2[21..43]);
        return (code + issuer + name).PadRight(44, '<')[..44] + "\n" + line2;
    }

    /// <summary>Replaces one character (1-based line and column) of an MRZ text built by <see cref="Build"/>.</summary>
    public static string Replace(string text, int line, int column, char c)
    {
        var chars = text.ToCharArray();
        chars[((line - 1) * 45) + column - 1] = c;
        return new string(chars);
    }
}
