using System.Text.Json;
using System.Text.Json.Serialization;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>Source-generated reading of scenario files (the gateway's trimmed build runs scenarios for <c>demo</c>),
/// with the same conventions as <see cref="ScenarioFile.Options"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, WriteIndented = true)]
[JsonSerializable(typeof(Scenario))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
