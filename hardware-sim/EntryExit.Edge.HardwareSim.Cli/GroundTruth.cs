using System.Text.Json;
using EntryExit.Edge.HardwareSim.Scenarios;
using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.HardwareSim.Cli;

/// <summary>Writes generated travellers (synthetic people, no real data) as JSON lines.</summary>
internal static class GroundTruth
{
    private static readonly JsonSerializerOptions Compact = new(ScenarioFile.Options)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // MRZ fillers stay readable as '<'
    };

    public static async Task WriteAsync(string path, IReadOnlyList<SimulatedTraveller> travellers, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path);
        foreach (var t in travellers)
        {
            var line = JsonSerializer.Serialize(
                new
                {
                    t.Sequence,
                    t.Lane,
                    ArrivesAfterSeconds = t.ArrivesAfter.TotalSeconds,
                    t.Kind,
                    t.DocumentNumber,
                    t.Document,
                    ScanCount = t.Scans.Count,
                    t.OfficerDeclaration,
                    t.Expected,
                },
                Compact);
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }
}
