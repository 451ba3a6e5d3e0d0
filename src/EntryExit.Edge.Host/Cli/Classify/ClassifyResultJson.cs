using System.Text.Json;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Host.Cli.Classify;

/// <summary>The JSON form of a classification, fixed by the CLI contract (issue 2 §4). Extend it, never rename.</summary>
internal static class ClassifyResultJson
{
    public static void Write(Utf8JsonWriter w, EligibilityResult verdict, EntryRecord? record)
    {
        w.WriteStartObject();
        w.WriteString("decision", WireNames.ToWire(verdict.Decision));
        w.WriteString("category", WireNames.ToWire(verdict.Category));
        w.WriteString("rule", verdict.Rule);
        w.WriteString("reason", verdict.Reason);
        if (record is not null)
        {
            w.WritePropertyName("record");
            EntryRecordJson.Write(w, record);
        }

        w.WriteEndObject();
    }
}
