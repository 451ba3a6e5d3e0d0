using System.CommandLine;
using System.Globalization;
using EntryExit.Edge.HardwareSim.Readers;
using EntryExit.Edge.HardwareSim.Scenarios;

namespace EntryExit.Edge.HardwareSim.Cli;

/// <summary><c>entryexit-sim run</c>: plays a scenario to virtual readers (ptys) or to FIFOs.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario JSON (see hardware-sim/scenarios/).", Required = true };
        var fifos = new Option<string[]>("--fifo")
        {
            Description = "LANE=PATH: write this lane to a FIFO the gateway's line reader watches instead of a virtual serial reader.",
            AllowMultipleArgumentsPerToken = true,
        };
        var linkDir = new Option<DirectoryInfo?>("--link-dir") { Description = "Where the readers' stable device symlinks go (default: a new temp directory)." };
        var timeScale = new Option<double?>("--time-scale") { Description = "Simulated seconds per real second (overrides the scenario)." };
        var startDelay = new Option<int>("--start-delay") { Description = "Seconds to wait after printing the device paths, to point the gateway at them.", DefaultValueFactory = _ => 10 };
        var startOnInput = new Option<bool>("--start-on-input")
        {
            Description = "Instead of --start-delay, start when a line arrives on standard input (a script starts the gateway, waits until its readers are connected, then sends Enter).",
        };
        var truth = new Option<FileInfo?>("--ground-truth") { Description = "Write each traveller's expected outcome (JSON lines) here." };
        var command = new Command("run", "Create the virtual readers, print their paths, then play the scenario's booth day.")
        {
            scenario, fifos, linkDir, timeScale, startDelay, startOnInput, truth,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(scenario)!, parse.GetValue(fifos) ?? [], parse.GetValue(linkDir), parse.GetValue(timeScale),
            parse.GetValue(startOnInput) ? null : parse.GetValue(startDelay), parse.GetValue(truth), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo scenarioFile, string[] fifos, DirectoryInfo? linkDir, double? timeScale, int? startDelay, FileInfo? truth, CancellationToken cancellationToken)
    {
        Scenario scenario;
        Dictionary<string, string> fifoPaths;
        try
        {
            scenario = ScenarioFile.Load(scenarioFile.FullName);
            fifoPaths = ParseFifos(fifos);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            await Console.Error.WriteLineAsync($"entryexit-sim: {e.Message}");
            return 2;
        }

        if (timeScale is { } scale)
        {
            scenario.TimeScale = scale;
        }

        var readers = new List<VirtualDocumentReader>();
        var ownedDirectory = linkDir is null ? Directory.CreateTempSubdirectory("entryexit-sim-") : null;
        var linkDirectory = (linkDir ?? ownedDirectory)!.FullName;
        try
        {
            var sinks = new Dictionary<string, ILaneSink>();
            var serialSinks = new Dictionary<string, VirtualReaderSink>();
            foreach (var lane in scenario.Lanes)
            {
                if (fifoPaths.TryGetValue(lane.Lane, out var fifo))
                {
                    sinks[lane.Lane] = new FifoSink(fifo, lane.Framing);
                    Console.WriteLine($"lane {lane.Lane}: FIFO {fifo} ({lane.Framing})");
                    continue;
                }

                var reader = new VirtualDocumentReader($"lane{lane.Lane}", lane.Framing, linkDirectory);
                readers.Add(reader);
                var sink = new VirtualReaderSink(reader);
                serialSinks[lane.Lane] = sink;
                sinks[lane.Lane] = sink;
                Console.WriteLine($"lane {lane.Lane}: serial {reader.DevicePath} ({lane.Framing})");
            }

            var player = new ScenarioPlayer(scenario, TimeProvider.System);
            if (truth is not null)
            {
                await GroundTruth.WriteAsync(truth.FullName, player.Travellers, cancellationToken);
            }

            var start = startDelay is { } delay ? $"starting in {delay} s." : "press Enter to start.";
            Console.WriteLine($"{scenario.Name}: {player.Travellers.Count} travellers over {scenario.DurationMinutes} min at x{scenario.TimeScale}; {start}");
            if (startDelay is { } seconds)
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
            }
            else if (await Console.In.ReadLineAsync(cancellationToken) is null)
            {
                Console.WriteLine("Standard input closed before the start; nothing played.");
                return 1;
            }

            player.TravellerScanned += (_, t) => Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{t.ArrivesAfter:hh\\:mm\\:ss} lane {t.Lane} #{t.Sequence} {t.Kind} scans={t.Scans.Count} declared={t.OfficerDeclaration ?? "-"} expected={t.Expected}"));
            await player.PlayAsync(sinks, presence: null, cancellationToken);
            Console.WriteLine("Day over.");
            foreach (var (lane, sink) in serialSinks.Where(p => p.Value.Dropped > 0))
            {
                Console.WriteLine($"lane {lane}: {sink.Dropped} sends dropped (unplugged, or the gateway was not reading this device path).");
            }

            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopped.");
            return 130;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"entryexit-sim: {e.Message} Check that /dev/ptmx is usable and the FIFO paths exist (mkfifo).");
            return 1;
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }

            ownedDirectory?.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> ParseFifos(string[] fifos)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in fifos)
        {
            var at = entry.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == entry.Length - 1)
            {
                throw new FormatException($"--fifo {entry}: expected LANE=PATH, e.g. --fifo 3=/run/entryexit/lane3.fifo");
            }

            map[entry[..at]] = entry[(at + 1)..];
        }

        return map;
    }
}
