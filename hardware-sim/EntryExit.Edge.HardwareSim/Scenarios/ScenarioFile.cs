using System.Text.Json;
using System.Text.Json.Serialization;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>Reads and writes scenario JSON (camelCase, enums as names).</summary>
public static class ScenarioFile
{
    /// <summary>The serializer options scenario files use.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // The generic converters: the non-generic one needs run-time code generation and breaks the Native AOT publish (IL3050).
        Converters =
        {
            new JsonStringEnumConverter<FaultKind>(),
            new JsonStringEnumConverter<Readers.SimFraming>(),
            new JsonStringEnumConverter<Traffic.TravellerKind>(),
            new JsonStringEnumConverter<Traffic.ExpectedOutcome>(),
        },
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid scenario (the message says what to fix).</exception>
    public static Scenario Load(string path)
    {
        try
        {
            var scenario = JsonSerializer.Deserialize(File.ReadAllText(path), ScenarioJsonContext.Default.Scenario)
                ?? throw new InvalidDataException($"Scenario file {path} is empty.");
            if (scenario.Lanes.Count == 0)
            {
                throw new InvalidDataException($"Scenario file {path} lists no lanes; add \"lanes\": [{{ \"lane\": \"1\", \"framing\": \"StxEtx\" }}].");
            }

            return scenario;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Scenario file {path} is not valid: {e.Message}", e);
        }
    }
}
