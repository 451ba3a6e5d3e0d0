using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Host.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>
/// The simulator's own command, <c>entryexit-sim run</c>, as a trainer uses it: a separate process that opens virtual
/// readers on ptys (and writes one lane to a FIFO), prints their paths and its ground truth, and plays a booth day
/// against a running gateway. What the exchange receives must be exactly the travellers the simulator says are
/// eligible.
/// </summary>
public sealed class SimulatorCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-simcli-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Entryexit_sim_run_against_a_gateway_delivers_exactly_the_travellers_its_ground_truth_calls_eligible()
    {
        var scenario = Path.Combine(_dir.FullName, "day.json");
        await File.WriteAllTextAsync(scenario, Scenario(DateOnly.FromDateTime(DateTime.Now)), _ct);
        var fifo = Path.Combine(_dir.FullName, "lane3.fifo");
        GatewayEndToEndTests.MakeFifo(fifo);
        var links = Directory.CreateDirectory(Path.Combine(_dir.FullName, "by-id")).FullName;
        var truthFile = Path.Combine(_dir.FullName, "truth.jsonl");

        using var sim = SimProcess.Start("run", "--scenario", scenario, "--link-dir", links, "--fifo", $"3={fifo}", "--ground-truth", truthFile, "--start-on-input");
        try
        {
            var ready = await sim.WaitForLineAsync(l => l.EndsWith("press Enter to start.", StringComparison.Ordinal), _ct);
            Assert.Contains("travellers over 6 min at x60", ready, StringComparison.Ordinal);
            var devices = sim.Lines.Select(l => l.Split(' ')).Where(w => w.Length == 5 && w[0] == "lane" && w[2] == "serial")
                .ToDictionary(w => w[1].TrimEnd(':'), w => (Path: w[3], Framing: w[4].Trim('(', ')')));
            Assert.Equal(["1", "2"], devices.Keys.Order());
            Assert.Contains(sim.Lines, l => l == $"lane 3: FIFO {fifo} (Lines)");

            await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
            var settings = GatewayEndToEndTests.Settings(exchange.Port, fifo);
            settings.Booth = new BoothSection { SettleSeconds = 0.5, DeclarationTimeoutSeconds = 2 };
            settings.Readers =
            [
                .. devices.Select(d => new ReaderSection
                {
                    Id = $"lane{d.Key}", Lane = d.Key, Kind = ReaderKinds.Serial, Path = d.Value.Path, Framing = d.Value.Framing == "StxEtx" ? "stx-etx" : "3m",
                }),
                new ReaderSection { Id = "lane3", Lane = "3", Kind = ReaderKinds.File, Path = fifo },
            ];

            var truth = (await File.ReadAllLinesAsync(truthFile, _ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var eligible = truth.Where(t => t.GetProperty("expected").GetString() == "Send").Select(t => t.GetProperty("documentNumber").GetString()).Order().ToArray();
            Assert.NotEmpty(eligible);
            Assert.Contains(truth, t => t.GetProperty("expected").GetString() == "Exclude");

            var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null), _ct, new GatewayRunHooks
            {
                ConfigureLogging = b => b.ClearProviders(),
                WhileRunning = async (parts, host, ct) =>
                {
                    var readers = host.Services.GetRequiredService<ReaderStateBoard>();
                    await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(readers.Count() == (3, 3)), ct);
                    await sim.SendLineAsync(string.Empty); // Enter: play the day
                    Assert.Equal(0, await sim.WaitForExitAsync(ct));

                    var ingest = host.Services.GetRequiredService<ReaderIngestService>();
                    await GatewayEndToEndTests.WaitUntilAsync(async () => ingest.AllLanesIdle
                        && (await parts.Outbox.GetStatusAsync(ct)).Pending == 0
                        && exchange.Records.Count >= eligible.Length, ct, () => Task.FromResult(
                            $"received {exchange.Records.Count}/{eligible.Length}, lanes {string.Join(",", ingest.LanePhases.Values)}; sim said: {string.Join(" | ", sim.Lines.TakeLast(5))}"));
                    return ExitCodes.Ok;
                },
            });

            Assert.Equal(0, code);
            var delivered = exchange.Records.Values.Select(r => r.GetProperty("documentNumber").GetString()).Order().ToArray();
            Assert.Equal(eligible, delivered);

            // What it printed for the trainer agrees with its ground truth: one line per traveller, the same verdicts.
            var printed = sim.Lines.Where(l => l.Contains(" expected=", StringComparison.Ordinal)).ToList();
            Assert.Equal(truth.Count, printed.Count);
            Assert.Equal(eligible.Length, printed.Count(l => l.EndsWith(" expected=Send", StringComparison.Ordinal)));
            Assert.Contains("Day over.", sim.Lines);
            Assert.DoesNotContain(sim.Lines, l => l.Contains("dropped", StringComparison.Ordinal));
        }
        finally
        {
            sim.Kill();
        }

        // `generate` gives the same day from the same scenario: the trainer can check a run afterwards.
        var generated = Path.Combine(_dir.FullName, "generated.jsonl");
        using var generate = SimProcess.Start("generate", "--scenario", scenario, "--out", generated);
        Assert.Equal(0, await generate.WaitForExitAsync(_ct));
        Assert.Equal(await File.ReadAllTextAsync(truthFile, _ct), await File.ReadAllTextAsync(generated, _ct));
    }

    private static string Scenario(DateOnly date) => $$"""
        {
          "name": "Simulator CLI test",
          "seed": 4242,
          "date": "{{date:yyyy-MM-dd}}",
          "durationMinutes": 6,
          "timeScale": 60,
          "profile": {
            "arrivalsPerHourPerLane": 60,
            "ocrErrorRate": 0.1,
            "meanDwell": "00:00:20",
            "mix": { "ThirdCountryPassport": 0.3, "UsGreenCard": 0.15, "CanadianPermanentResident": 0.1, "CanadianCitizenPassport": 0.2,
                     "UsCitizenPassport": 0.15, "DeclaredCitizenOnForeignPassport": 0.05, "VisaOnly": 0.05 }
          },
          "lanes": [ { "lane": "1", "framing": "StxEtx" }, { "lane": "2", "framing": "ThreeM" }, { "lane": "3", "framing": "Lines" } ],
          "faults": [ { "atSeconds": 60, "lane": "1", "kind": "Noise", "bytes": 16 } ]
        }
        """;

    /// <summary>The built <c>entryexit-sim</c> run with <c>dotnet exec</c>, its output collected line by line.</summary>
    private sealed class SimProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly Task _reading;

        private SimProcess(Process process)
        {
            _process = process;
            _reading = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    _lines.Enqueue(line);
                }
            });
        }

        public IReadOnlyList<string> Lines => [.. _lines];

        public static SimProcess Start(params string[] args)
        {
            // Built with the tests (a project reference that only orders the build), in the same configuration.
            var configuration = typeof(SimulatorCliTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var dll = CliRunner.RepoFile(Path.Combine("hardware-sim", "EntryExit.Edge.HardwareSim.Cli", "bin", configuration, "net10.0", "entryexit-sim.dll"));
            Assert.True(File.Exists(dll), $"{dll} is not built");
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return new SimProcess(Process.Start(start)!);
        }

        public async Task<string> WaitForLineAsync(Func<string, bool> match, CancellationToken ct)
        {
            string? found = null;
            await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult((found = _lines.FirstOrDefault(match)) is not null || _process.HasExited), ct,
                () => Task.FromResult(string.Join(" | ", _lines)));
            return found ?? throw new InvalidOperationException($"entryexit-sim exited ({_process.ExitCode}) without the expected line: {string.Join(" | ", _lines)}");
        }

        public async Task SendLineAsync(string line)
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }

        public async Task<int> WaitForExitAsync(CancellationToken ct)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(120)); // only stops a broken run from hanging the suite
            await _process.WaitForExitAsync(limit.Token);
            await _reading; // every line printed is collected
            return _process.ExitCode;
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true); // SIGKILL
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
