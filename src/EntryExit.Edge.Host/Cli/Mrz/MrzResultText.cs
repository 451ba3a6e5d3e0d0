using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Host.Cli.Mrz;

/// <summary>The readable form of a parse result: one block per document, aligned labels.</summary>
internal static class MrzResultText
{
    public static void Write(TextWriter o, int index, MrzParseResult r)
    {
        var format = r.Format is { } f ? MrzResultJson.FormatName(f) : "not an MRZ";
        o.WriteLine($"Document {index}: {format}, {(r.Valid ? "valid" : "NOT VALID")}");
        if (r.Format is not null)
        {
            Field(o, "Document code", r.DocumentCode);
            Field(o, "Issuing state", r.IssuingState);
            Field(o, "Surname", r.Surname + (r.NameTruncated ? "  (name may be truncated)" : string.Empty));
            Field(o, "Given names", r.GivenNames);
            Field(o, "Document number", r.DocumentNumber);
            Field(o, "Nationality", r.Nationality);
            Field(o, "Date of birth", MrzResultJson.Date(r.DateOfBirth));
            Field(o, "Sex", r.Sex?.ToString());
            Field(o, "Expiry date", MrzResultJson.Date(r.ExpiryDate));
            Field(o, "Optional data", r.OptionalData);
            if (r.Format == MrzFormat.TD1)
            {
                Field(o, "Optional data 2", r.OptionalData2);
            }

            Field(o, "Checks", Checks(r.Checks));
        }

        foreach (var c in r.Corrections)
        {
            Field(o, "Corrected", $"line {c.Line}, column {c.Column}: '{c.From}' read as '{c.To}'");
        }

        foreach (var e in r.Errors)
        {
            Field(o, "Error", $"{e.Code}: {e.Message}");
        }

        foreach (var w in r.Warnings)
        {
            Field(o, "Warning", $"{w.Code}: {w.Message}");
        }

        o.WriteLine();
    }

    private static string Checks(MrzChecks c) => string.Join("  ", new[]
    {
        Check("document number", c.DocumentNumber),
        Check("birth date", c.DateOfBirth),
        Check("expiry date", c.ExpiryDate),
        Check("optional data", c.OptionalData),
        Check("composite", c.Composite),
    }.Where(s => s.Length > 0));

    private static string Check(string name, bool? ok) => ok switch
    {
        true => $"{name} ok",
        false => $"{name} FAILED",
        null => string.Empty,
    };

    private static void Field(TextWriter o, string label, string? value) =>
        o.WriteLine($"  {label,-16} {(string.IsNullOrEmpty(value) ? "-" : value)}");
}
