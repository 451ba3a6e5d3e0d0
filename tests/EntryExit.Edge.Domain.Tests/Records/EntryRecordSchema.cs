using System.Text.Json.Nodes;
using Json.Schema;

namespace EntryExit.Edge.Domain.Tests.Records;

/// <summary>The repo's schemas/entry-record.v1.schema.json (copied next to the test assembly), loaded once.</summary>
internal static class EntryRecordSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "entry-record.v1.schema.json"))));

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    public static EvaluationResults Evaluate(byte[] utf8Json) => Schema.Value.Evaluate(JsonNode.Parse(utf8Json), Options);

    /// <summary>The schema's complaints, for assertion messages (test data only, never real travellers).</summary>
    public static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? [])
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));
}
