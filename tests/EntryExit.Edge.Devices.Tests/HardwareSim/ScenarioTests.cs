using System.Diagnostics;
using System.Threading.Channels;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Devices.Tests.Readers;
using EntryExit.Edge.HardwareSim.Readers;
using EntryExit.Edge.HardwareSim.Scenarios;
using EntryExit.Edge.HardwareSim.Traffic;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Devices.Tests.HardwareSim;

public sealed class ScenarioTests
{
    [Fact]
    public void SampleScenarioFile_Loads_WithEightLanesAndFaults()
    {
        var scenario = ScenarioFile.Load(SamplePath());

        Assert.Equal(8, scenario.Lanes.Count);
        Assert.Contains(scenario.Faults, f => f.Kind == FaultKind.Unplug);
        Assert.Equal(0.05, scenario.Profile.OcrErrorRate);
        Assert.NotEmpty(new ScenarioPlayer(scenario, TimeProvider.System).Travellers);
    }

    [Fact]
    public void ScenarioFile_Invalid_SaysWhatToFix()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ \"name\": \"x\", \"lanes\": [] }");
            var e = Assert.Throws<InvalidDataException>(() => ScenarioFile.Load(path));
            Assert.Contains("lanes", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Player_SendsEveryScanDeclarationAndPresenceEdge_InOrderPerLane()
    {
        var scenario = Small(timeScale: 1e6, [SimFraming.StxEtx, SimFraming.Lines]);
        scenario.Faults.Add(new ScenarioFault { AtSeconds = 60, Lane = "2", Kind = FaultKind.Noise, Bytes = 8 });
        var player = new ScenarioPlayer(scenario, TimeProvider.System);
        var sinks = scenario.Lanes.ToDictionary(l => l.Lane, _ => new RecordingSink());
        var presence = new List<(string Lane, bool Present)>();

        await player.PlayAsync(sinks.ToDictionary(p => p.Key, p => (ILaneSink)p.Value), (lane, present) => { lock (presence) { presence.Add((lane, present)); } }, TestContext.Current.CancellationToken);

        foreach (var lane in sinks.Keys)
        {
            var expected = player.Travellers.Where(t => t.Lane == lane)
                .SelectMany(t => t.Scans.Select(s => string.Join('\n', s)).Concat(t.OfficerDeclaration is { } d ? [$"#DECLARE {d}"] : []));
            Assert.Equal(expected, sinks[lane].Documents);
        }

        Assert.Equal(player.Travellers.Count * 2, presence.Count);
        Assert.Equal(8, sinks["2"].NoiseBytes);
    }

    [Fact]
    public async Task Player_BareLinesLane_KeepsItsSilenceBetweenSends_InOrder_WithoutHoldingUpOtherLanes()
    {
        // At this time scale everything is due at once: only the bare-line lane's silence spaces its sends.
        var scenario = Small(timeScale: 1e6, [SimFraming.BareLines, SimFraming.StxEtx]);
        scenario.Lanes[0].MinimumSilenceMilliseconds = 40;
        scenario.Faults.Add(new ScenarioFault { AtSeconds = 60, Lane = "1", Kind = FaultKind.Noise, Bytes = 8 });
        var player = new ScenarioPlayer(scenario, TimeProvider.System);
        var sinks = scenario.Lanes.ToDictionary(l => l.Lane, _ => new RecordingSink());

        await player.PlayAsync(sinks.ToDictionary(p => p.Key, p => (ILaneSink)p.Value), null, TestContext.Current.CancellationToken);

        foreach (var lane in sinks.Keys)
        {
            var expected = player.Travellers.Where(t => t.Lane == lane)
                .SelectMany(t => t.Scans.Select(s => string.Join('\n', s)).Concat(t.OfficerDeclaration is { } d ? [$"#DECLARE {d}"] : []));
            Assert.Equal(expected, sinks[lane].Documents);
        }

        var bare = sinks["1"].SentAt;
        Assert.True(bare.Count > 10);
        Assert.All(bare.Zip(bare.Skip(1)), pair => Assert.True(Stopwatch.GetElapsedTime(pair.First, pair.Second) >= TimeSpan.FromMilliseconds(40)));
        Assert.True(sinks["2"].SentAt[^1] < bare[2], "the other lane's sends did not wait for the bare-line lane");
        Assert.Equal(TimeSpan.FromMilliseconds(ScenarioLane.DefaultBareLinesSilenceMilliseconds), new ScenarioLane { Framing = SimFraming.BareLines }.EffectiveMinimumSilence());
        Assert.Equal(TimeSpan.Zero, new ScenarioLane { Framing = SimFraming.ThreeM }.EffectiveMinimumSilence());
    }

    [Fact]
    public async Task ScenarioDay_SixLanesThroughPtysAndSerialReaders_DeliversEveryFinalScanOnItsLane()
    {
        var scenario = Small(timeScale: 2000, [SimFraming.StxEtx, SimFraming.ThreeM, SimFraming.Lines, SimFraming.StxEtx, SimFraming.ThreeM, SimFraming.Lines]);
        var player = new ScenarioPlayer(scenario, TimeProvider.System);
        var devices = scenario.Lanes.ToDictionary(l => l.Lane, l => new VirtualDocumentReader($"lane{l.Lane}", l.Framing));
        var channel = Channel.CreateUnbounded<ReaderFrame>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        try
        {
            var readers = scenario.Lanes.Select(l => new SerialDocumentReader(
                ReaderRun.Options(devices[l.Lane].DevicePath, Kind(l.Framing), $"r{l.Lane}", l.Lane), TimeProvider.System, NullLogger<SerialDocumentReader>.Instance)).ToList();
            var runs = readers.Select(r => r.RunAsync(channel.Writer, stop.Token)).ToList();
            await ReaderRun.PollUntilAsync(() => readers.All(r => r.State == ReaderState.Connected));

            await player.PlayAsync(devices.ToDictionary(p => p.Key, p => (ILaneSink)new VirtualReaderSink(p.Value)), null, TestContext.Current.CancellationToken);

            var expected = player.Travellers.Sum(t => t.Scans.Count + (t.OfficerDeclaration is null ? 0 : 1));
            var frames = new List<ReaderFrame>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (frames.Count < expected)
            {
                frames.Add(await channel.Reader.ReadAsync(timeout.Token));
            }

            foreach (var traveller in player.Travellers)
            {
                Assert.Contains(frames, f => f.Lane == traveller.Lane && f.Text == string.Join('\n', traveller.Document));
            }

            await stop.CancelAsync();
            await Task.WhenAll(runs);
        }
        finally
        {
            foreach (var device in devices.Values)
            {
                device.Dispose();
            }
        }
    }

    private static Scenario Small(double timeScale, SimFraming[] framings) => new()
    {
        Seed = 77,
        DurationMinutes = 20,
        TimeScale = timeScale,
        Profile = new TrafficProfile { ArrivalsPerHourPerLane = 60, OcrErrorRate = 0.2 },
        Lanes = [.. framings.Select((f, i) => new ScenarioLane { Lane = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Framing = f })],
    };

    private static FramingKind Kind(SimFraming framing) => framing switch
    {
        SimFraming.StxEtx => FramingKind.StxEtx,
        SimFraming.ThreeM => FramingKind.ThreeM,
        SimFraming.Lines => FramingKind.Lines,
        _ => FramingKind.IdleTimeout,
    };

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "hardware-sim", "scenarios", "booth-day-8-lanes.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("hardware-sim/scenarios/booth-day-8-lanes.json not found above the test binaries.");
    }

    private sealed class RecordingSink : ILaneSink
    {
        public List<string> Documents { get; } = [];

        public List<long> SentAt { get; } = [];

        public int NoiseBytes { get; private set; }

        public void SendDocument(IReadOnlyList<string> lines)
        {
            SentAt.Add(Stopwatch.GetTimestamp());
            Documents.Add(string.Join('\n', lines));
        }

        public void SendNoise(int count, Random random)
        {
            SentAt.Add(Stopwatch.GetTimestamp());
            NoiseBytes += count;
        }

        public void Unplug()
        {
        }

        public void Replug()
        {
        }
    }
}
