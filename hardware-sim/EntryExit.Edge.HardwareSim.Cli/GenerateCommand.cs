using System.CommandLine;
using EntryExit.Edge.HardwareSim.Scenarios;

namespace EntryExit.Edge.HardwareSim.Cli;

/// <summary><c>entryexit-sim generate</c>: writes a scenario's travellers and ground truth without playing them.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario JSON.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Output file (JSON lines).", Required = true };
        var command = new Command("generate", "Write the scenario's travellers, scans and expected outcomes (JSON lines) for checking a gateway run.")
        {
            scenario, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var player = new ScenarioPlayer(ScenarioFile.Load(parse.GetValue(scenario)!.FullName), TimeProvider.System);
                await GroundTruth.WriteAsync(parse.GetValue(output)!.FullName, player.Travellers, cancellationToken);
                Console.WriteLine($"{player.Travellers.Count} travellers written.");
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                await Console.Error.WriteLineAsync($"entryexit-sim: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
