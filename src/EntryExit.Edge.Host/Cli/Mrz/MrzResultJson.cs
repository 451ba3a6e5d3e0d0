using System.Globalization;
using System.Text.Json;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Host.Cli.Mrz;

/// <summary>The JSON form of a parse result, fixed by the CLI contract (issue 2 §4). Extend it, never rename.</summary>
internal static class MrzResultJson
{
    public static void Write(Utf8JsonWriter w, MrzParseResult r)
    {
        w.WriteStartObject();
        WriteString(w, "format", r.Format is { } f ? FormatName(f) : null);
        WriteString(w, "documentCode", r.DocumentCode);
        WriteString(w, "issuingState", r.IssuingState);
        WriteString(w, "surname", r.Surname);
        WriteString(w, "givenNames", r.GivenNames);
        WriteString(w, "documentNumber", r.DocumentNumber);
        WriteString(w, "nationality", r.Nationality);
        WriteString(w, "dateOfBirth", Date(r.DateOfBirth));
        WriteString(w, "sex", r.Sex?.ToString());
        WriteString(w, "expiryDate", Date(r.ExpiryDate));
        WriteString(w, "optionalData", r.OptionalData);
        w.WriteBoolean("valid", r.Valid);
        w.WriteStartObject("checks");
        WriteBool(w, "documentNumber", r.Checks.DocumentNumber);
        WriteBool(w, "dateOfBirth", r.Checks.DateOfBirth);
        WriteBool(w, "expiryDate", r.Checks.ExpiryDate);
        WriteBool(w, "optionalData", r.Checks.OptionalData);
        WriteBool(w, "composite", r.Checks.Composite);
        w.WriteEndObject();
        w.WriteStartArray("corrections");
        foreach (var c in r.Corrections)
        {
            w.WriteStartObject();
            w.WriteNumber("line", c.Line);
            w.WriteNumber("column", c.Column);
            w.WriteString("from", c.From.ToString());
            w.WriteString("to", c.To.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteErrors(w, "errors", r.Errors);
        // Extensions beyond the contract's example.
        WriteString(w, "optionalData2", r.OptionalData2);
        w.WriteBoolean("nameTruncated", r.NameTruncated);
        WriteErrors(w, "warnings", r.Warnings);
        w.WriteEndObject();
    }

    public static string FormatName(MrzFormat format) => format switch
    {
        MrzFormat.TD1 => "TD1",
        MrzFormat.TD2 => "TD2",
        MrzFormat.TD3 => "TD3",
        MrzFormat.MRVA => "MRVA",
        MrzFormat.MRVB => "MRVB",
        _ => format.ToString(),
    };

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteErrors(Utf8JsonWriter w, string name, IReadOnlyList<MrzError> errors)
    {
        w.WriteStartArray(name);
        foreach (var e in errors)
        {
            w.WriteStartObject();
            w.WriteString("code", e.Code);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBoolean(name, b);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
