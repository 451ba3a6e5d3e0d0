using EntryExit.Edge.HardwareSim.Readers;
using EntryExit.Edge.HardwareSim.Scenarios;
using EntryExit.Edge.HardwareSim.Traffic;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>
/// A booth day across 8 lanes, end to end through the real serial stack: the simulator's virtual readers on
/// pseudo-terminals (every framing), the gateway's serial readers, booth sessions with officer declarations, the
/// outbox and a broker. Every eligible traveller's record arrives at the exchange, and no other.
/// </summary>
public sealed class ScenarioDayTests : IDisposable
{
    // Every framing, two lanes each. Bare lines (idle-timeout framing) are told apart by silence alone, and the day runs
    // 60 times faster than real time (a rescan 67 ms behind the misread): so the simulated bare-line readers keep at
    // least BareLinesSilence between sends, as a real reader's scan time does, and the gateway's readers for them end a
    // document after BareLinesIdleGap of silence; the difference is the margin for a busy machine's scheduling.
    private static readonly SimFraming[] Framings = [SimFraming.StxEtx, SimFraming.ThreeM, SimFraming.Lines, SimFraming.BareLines];
    private const int BareLinesSilenceMilliseconds = 400;
    private const int BareLinesIdleGapMilliseconds = 100;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-day-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Eight_lane_day_over_ptys_delivers_every_eligible_traveller_and_no_other()
    {
        var scenario = new Scenario
        {
            Seed = 20261128,
            Date = DateOnly.FromDateTime(DateTime.Now),
            DurationMinutes = 12,
            TimeScale = 60, // 12 simulated minutes in about 12 seconds
            Profile = new TrafficProfile { ArrivalsPerHourPerLane = 40, OcrErrorRate = 0.15 },
            Lanes = [.. Enumerable.Range(1, 8).Select(i => new ScenarioLane
            {
                Lane = $"{i}",
                Framing = Framings[(i - 1) % Framings.Length],
                MinimumSilenceMilliseconds = Framings[(i - 1) % Framings.Length] == SimFraming.BareLines ? BareLinesSilenceMilliseconds : null,
            })],
        };
        var readers = scenario.Lanes.ToDictionary(l => l.Lane, l => new VirtualDocumentReader($"reader-{l.Lane}", l.Framing, _dir.FullName));
        try
        {
            var player = new ScenarioPlayer(scenario, TimeProvider.System);
            var expected = player.Travellers.Where(t => t.Expected == ExpectedOutcome.Send).Select(t => t.DocumentNumber).Order().ToArray();
            Assert.NotEmpty(expected);
            Assert.Contains(player.Travellers, t => t.Expected == ExpectedOutcome.Exclude && t.OfficerDeclaration is not null);
            // The bare-line lanes meet what their framing finds hard: a rescan behind a misread, and a record to deliver.
            var bareLanes = scenario.Lanes.Where(l => l.Framing == SimFraming.BareLines).Select(l => l.Lane).ToHashSet();
            Assert.Contains(player.Travellers, t => bareLanes.Contains(t.Lane) && t.Scans.Count > 1);
            Assert.Contains(player.Travellers, t => bareLanes.Contains(t.Lane) && t.Expected == ExpectedOutcome.Send);

            await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
            var settings = GatewayEndToEndTests.Settings(exchange.Port, Path.Combine(_dir.FullName, "unused"), _dir.FullName);
            // A declaration on a bare-line lane follows its document by the reader's silence: the settle time covers it.
            settings.Booth = new BoothSection { SettleSeconds = 1.5, DeclarationTimeoutSeconds = 2 };
            settings.Readers = [.. scenario.Lanes.Select(l => new ReaderSection
            {
                Id = $"lane{l.Lane}", Lane = l.Lane, Kind = ReaderKinds.Serial, Path = readers[l.Lane].DevicePath, Framing = Framing(l.Framing),
                IdleGapMilliseconds = l.Framing == SimFraming.BareLines ? BareLinesIdleGapMilliseconds : null,
            })];
            Assert.Equal(2, settings.Readers.Count(r => r.Framing == "idle-timeout"));

            var logs = new CapturingLoggerProvider();
            var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null), _ct, new GatewayRunHooks
            {
                ConfigureLogging = b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace),
                WhileRunning = async (parts, host, ct) =>
                {
                    var sinks = readers.ToDictionary(kv => kv.Key, kv => (ILaneSink)new VirtualReaderSink(kv.Value));
                    await player.PlayAsync(sinks, presence: null, ct);
                    var ingest = host.Services.GetRequiredService<ReaderIngestService>();
                    await GatewayEndToEndTests.WaitUntilAsync(async () => ingest.AllLanesIdle
                        && (await parts.Outbox.GetStatusAsync(ct)).Pending == 0
                        && exchange.Records.Count >= expected.Length, ct, async () =>
                    {
                        var c = host.Services.GetRequiredService<GatewayMetrics>().Snapshot();
                        var o = await parts.Outbox.GetStatusAsync(ct);
                        var got = exchange.Records.Values.Select(r => r.GetProperty("documentNumber").GetString()).ToHashSet();
                        var missing = player.Travellers.Where(t => t.Expected == ExpectedOutcome.Send && !got.Contains(t.DocumentNumber))
                            .Select(t => $"{t.Kind}/lane {t.Lane}/scans {t.Scans.Count}");
                        return $"lanes {string.Join(",", ingest.LanePhases.Select(kv => kv.Key + ":" + kv.Value))}, idle {ingest.AllLanesIdle}, scanned {c.Scanned}, stored {c.Stored}, dup {c.Duplicates}, held {c.Held} " +
                               $"({string.Join(",", c.HeldByRule.Select(kv => kv.Key + "=" + kv.Value))}), unreadable {c.Unreadable}, " +
                               $"excluded {c.Excluded}, pending {o.Pending}, received {exchange.Records.Count}/{expected.Length}; " +
                               $"travellers {player.Travellers.Count}, scans {player.Travellers.Sum(t => t.Scans.Count)}; missing: {string.Join("; ", missing)}; " +
                               $"extra: {string.Join("; ", got.Except(expected).Select(n => player.Travellers.FirstOrDefault(t => t.DocumentNumber == n) is { } t ? $"{t.Kind}/lane {t.Lane}/decl {t.OfficerDeclaration}/expected {t.Expected}/scans {t.Scans.Count}" : "unknown"))}";
                    });
                    return ExitCodes.Ok;
                },
            });

            Assert.Equal(0, code);
            var delivered = exchange.Records.Values.Select(r => r.GetProperty("documentNumber").GetString()).Order().ToArray();
            Assert.Equal(expected, delivered);
            Assert.DoesNotContain(exchange.Records.Values, r => r.GetProperty("category").GetString() is "canadian-citizen" or "us-citizen" or "protected-person" or "registered-indian");

            // Privacy over the whole day: no traveller's document number, name or MRZ line in any log line.
            var personal = player.Travellers.SelectMany(PersonalData).Where(p => p.Length >= 4).Distinct().ToArray();
            Assert.NotEmpty(logs.Lines);
            foreach (var line in logs.Lines)
            {
                Assert.DoesNotContain(personal, p => line.Contains(p, StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var reader in readers.Values)
            {
                reader.Dispose();
            }
        }
    }

    // The document number, the surname and every MRZ line of a traveller's document.
    private static IEnumerable<string> PersonalData(SimulatedTraveller traveller)
    {
        yield return traveller.DocumentNumber;
        foreach (var line in traveller.Document)
        {
            yield return line;
        }

        var nameLine = traveller.Document.Count == 3 ? traveller.Document[2] : traveller.Document[0][5..];
        yield return nameLine.Split("<<")[0].Replace('<', ' ');
    }

    private static string Framing(SimFraming framing) => framing switch
    {
        SimFraming.StxEtx => "stx-etx",
        SimFraming.ThreeM => "3m",
        SimFraming.Lines => "lines",
        _ => "idle-timeout",
    };
}
