using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EntryExit.Edge.Chaos.Booth;
using EntryExit.Edge.Chaos.Broker;
using EntryExit.Edge.Chaos.Faults;
using EntryExit.Edge.Chaos.Gateway;
using EntryExit.Edge.Chaos.Report;

namespace EntryExit.Edge.Chaos;

/// <summary>
/// One chaos run: the gateway process fed by 8 simulated booths while it is killed and restarted, its broker
/// restarted, its network cut, black-holed and slowed, its disk filled and its clock moved; then the ground truth
/// is compared with what reached the exchange and what the outbox holds.
/// </summary>
internal sealed partial class ChaosRunner : IDisposable
{
    private static readonly TimeSpan RestartPause = TimeSpan.FromSeconds(1); // systemd's RestartSec for a crash

    private readonly ChaosOptions _options;
    private readonly string _work;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Lock _progressLog = new();
    private readonly ConcurrentDictionary<Guid, StoredEvent> _stored = new();
    private readonly ConcurrentDictionary<int, int> _readersConnected = new();
    private readonly ConcurrentDictionary<int, int> _errorsByEvent = new();
    private readonly ConcurrentDictionary<int, string> _firstErrorText = new();
    private readonly ConcurrentQueue<string> _movedAside = new();
    private readonly ConcurrentQueue<(int Instance, int ExitCode)> _unexpectedExits = new();
    private readonly SemaphoreSlim _restartLock = new(1, 1);
    private readonly FaultCounts _counts = new();
    private BoothFloor _floor = null!;
    private GatewayProcess _gateway = null!;
    private MosquittoBroker _broker = null!;
    private FaultProxy _proxy = null!;
    private DiskFiller _disk = null!;
    private ClockControl? _clock;
    private volatile bool _restarting;
    private volatile bool _starting;
    private volatile bool _trafficOver;
    private volatile Exception? _fatal;
    private long _lastRefusalAt;
    private int _refusals;
    private int _duplicateScans;
    private int _failedStarts;
    private int _rescansAfterRefusal;

    private ChaosRunner(ChaosOptions options, string work)
    {
        _options = options;
        _work = work;
    }

    /// <summary>Runs the whole thing and returns the analysed result (its <see cref="ChaosResult.Problems"/> empty when the gateway kept every promise).</summary>
    public static async Task<ChaosResult> RunAsync(ChaosOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (MosquittoBroker.Executable is null)
        {
            throw new InvalidOperationException("mosquitto is not installed (apt-get install mosquitto).");
        }

        var work = options.WorkDirectory ?? Directory.CreateTempSubdirectory("entryexit-chaos-").FullName;
        Directory.CreateDirectory(work);
        using var runner = new ChaosRunner(options, work);
        var result = await runner.RunCoreAsync(cancellationToken);
        if (result.Passed && !options.KeepWorkDirectory && options.WorkDirectory is null)
        {
            TryDelete(work);
        }
        else
        {
            // The verdict beside the evidence: a failing run's test output can be lost, the folder is kept.
            await File.WriteAllTextAsync(Path.Combine(work, "report.txt"), result.ToString(), CancellationToken.None);
        }

        return result;
    }

    private async Task<ChaosResult> RunCoreAsync(CancellationToken cancellationToken)
    {
        var binary = GatewayBinary.Resolve(_options.Gateway);
        _clock = ClockControl.TryCreate(_work);
        if (_clock is null && _options.ClockJumps > 0)
        {
            Say("libfaketime is not installed (apt-get install faketime): the clock will not jump");
        }

        var lanes = Enumerable.Range(1, _options.Lanes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var travellers = ChaosTraffic.Generate(_options.Scans, lanes,
            lane => BoothFloor.Gap(BoothFloor.FramingOf(int.Parse(lane, CultureInfo.InvariantCulture)), _options), _options.Seed, DateOnly.FromDateTime(DateTime.UtcNow));
        using var disk = DiskFiller.Prepare(_work, _options.DiskMode, _options.DiskBytes, _options.Progress);
        _disk = disk;
        await using var trace = TextWriter.Synchronized(new StreamWriter(Path.Combine(_work, "booth-trace.log")));
        using var floor = new BoothFloor(travellers, _options.Lanes, Directory.CreateDirectory(Path.Combine(_work, "dev")).FullName, _options, trace);
        _floor = floor;
        await using var broker = MosquittoBroker.Configure(_work);
        _broker = broker;
        await broker.StartAsync(cancellationToken);
        await using var exchange = new ExchangeRecorder(broker.Port, GatewayConfig.EntriesTopic);
        await exchange.StartAsync(cancellationToken); // the exchange's session exists before the first record
        await using var proxy = new FaultProxy(broker.Port);
        _proxy = proxy;
        proxy.Start();

        var config = GatewayConfig.Write(Path.Combine(_work, "gateway.json"), Path.Combine(disk.OutboxDirectory, "outbox.db"),
            GatewayConfig.WriteKey(Path.Combine(_work, "outbox.key")), proxy.Port,
            floor.Lanes.Select(l => (l.Lane, l.Reader.DevicePath, l.Framing)), _options.SettleSeconds,
            disk.Mode == DiskMode.Cap ? DiskFiller.CapRecords : null);
        await using var gateway = new GatewayProcess(binary, config, _work,
            () => _clock?.Environment ?? new Dictionary<string, string>(), OnGatewayEvent);
        _gateway = gateway;
        gateway.ExitedUnexpectedly += OnUnexpectedExit;

        Say($"{travellers.Count} travellers ({travellers.Count(t => t.Expected == HardwareSim.Traffic.ExpectedOutcome.Send)} eligible), " +
            $"{floor.TotalScans} scans over {_options.Lanes} lanes; gateway {binary.Description}; outbox disk: {disk.Description}; " +
            $"clock: {(_clock is null ? "not moved" : "libfaketime")}; work folder {_work}");
        await StartGatewayAsync(cancellationToken);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lanesRunning = floor.Lanes.Select(l => Task.Run(() => l.RunAsync(() => _trafficOver, stop.Token), stop.Token)).ToList();
        var deferred = Task.Run(() => FlushDeferredLoopAsync(stop.Token), stop.Token);
        var plan = FaultPlan.Create(_options);
        await RunFaultsAsync(plan, cancellationToken);
        await HealAllAsync(cancellationToken);
        await SettleTrafficAsync(cancellationToken);
        _trafficOver = true;
        await Task.WhenAll(lanesRunning);
        Say($"traffic over: {floor.ScansSent} scans sent ({floor.Lanes.Sum(l => l.Rescans)} travellers rescanned); draining");

        var eligible = travellers.Where(t => t.Expected == HardwareSim.Traffic.ExpectedOutcome.Send).Select(t => t.DocumentNumber).ToHashSet(StringComparer.Ordinal);
        var drainStart = _elapsed.Elapsed;
        await DrainAsync(exchange, eligible, cancellationToken);
        var drained = _elapsed.Elapsed - drainStart;
        var exitCode = await gateway.StopAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await IgnoreCancellationAsync(deferred);

        var outbox = await OutboxSnapshot.TakeAsync(gateway, config, cancellationToken);
        KeepOutboxCopy(disk.OutboxDirectory);
        KeepEvidence(travellers, exchange);
        var evidence = new RunEvidence(travellers, floor, exchange, _stored, outbox, exitCode, _counts, disk.Description,
            _clock is null ? "not moved (libfaketime missing)" : "libfaketime", binary.Description, _elapsed.Elapsed, drained)
        {
            Refusals = _refusals,
            DuplicateScans = _duplicateScans,
            FailedStarts = _failedStarts,
            UnexpectedExits = [.. _unexpectedExits],
            MovedAside = [.. _movedAside],
            ErrorsByEvent = _errorsByEvent.ToDictionary(kv => kv.Key, kv => kv.Value),
            FirstErrorText = _firstErrorText.ToDictionary(kv => kv.Key, kv => kv.Value),
            RescansAfterRefusal = _rescansAfterRefusal,
            GatewayLogs = Directory.GetFiles(_work, "gateway-*.log"),
            WorkDirectory = _work,
            Seed = _options.Seed,
            Requested = _options,
        };
        return ChaosAnalysis.Analyse(evidence);
    }

    private async Task DrainAsync(ExchangeRecorder exchange, HashSet<string> eligible, CancellationToken cancellationToken)
    {
        var deadline = _elapsed.Elapsed + _options.DrainTimeout;
        while (_elapsed.Elapsed < deadline)
        {
            ThrowIfFatal();
            var seen = exchange.Records.Values.Select(r => r.DocumentNumber).ToHashSet(StringComparer.Ordinal);
            if (eligible.IsSubsetOf(seen!) && _stored.Keys.All(exchange.Records.ContainsKey))
            {
                return;
            }

            await Task.Delay(250, cancellationToken);
        }

        Say($"drain: not everything arrived within {_options.DrainTimeout.TotalSeconds:0} s");
    }

    /// <summary>A restart after a crash runs in the background; if it failed, the run cannot go on.</summary>
    private void ThrowIfFatal()
    {
        if (_fatal is { } fatal)
        {
            throw new InvalidOperationException("the gateway could not be restarted after it exited by itself: " + fatal.Message, fatal);
        }
    }

    private void Say(string message)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"[{_elapsed.Elapsed.TotalSeconds,7:0.0}s] {message}");
        _options.Progress?.WriteLine(line);
        lock (_progressLog)
        {
            // Kept in the work folder too (synthetic travellers only), for a post-mortem of a failed run.
            File.AppendAllText(Path.Combine(_work, "progress.log"), line + Environment.NewLine);
        }
    }

    public void Dispose()
    {
        _restartLock.Dispose();
        _networkLock.Dispose();
        _diskLock.Dispose();
        _brokerLock.Dispose();
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The outbox's file system goes away with the run: keep a copy in the work folder for a post-mortem.
    private void KeepOutboxCopy(string outboxDirectory)
    {
        var copy = Directory.CreateDirectory(Path.Combine(_work, "outbox-after-run")).FullName;
        foreach (var file in Directory.GetFiles(outboxDirectory, "outbox.db*"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
        }
    }

    // For a post-mortem: the ground truth and what the exchange received (synthetic travellers only).
    private void KeepEvidence(IReadOnlyList<HardwareSim.Traffic.SimulatedTraveller> travellers, ExchangeRecorder exchange)
    {
        File.WriteAllLines(Path.Combine(_work, "travellers.tsv"), travellers.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Sequence}\t{t.Lane}\t{t.Kind}\t{t.Expected}\t{t.DocumentNumber}\t{t.Scans.Count}\t{t.OfficerDeclaration}")));
        File.WriteAllLines(Path.Combine(_work, "exchange.tsv"), exchange.Records.Values.OrderBy(r => r.RecordId).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.RecordId}\t{r.DocumentNumber}\t{r.Category}\t{r.Lane}\t{r.Count}\t{r.EntryTime:O}")));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A mount still busy: left for the next boot's temp cleaning.
        }
    }
}
