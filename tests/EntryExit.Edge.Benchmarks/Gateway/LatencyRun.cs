using System.Collections.Concurrent;
using System.Diagnostics;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Demo;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// One scan-to-PUBACK run of the real gateway (GatewayRunner, SQLite outbox, MQTTnet client) against a local
/// Mosquitto with a subscriber standing in for the exchange. Frames are handed to in-process lane readers at a
/// steady rate, round-robin over the lanes; a record's latency runs from the moment its frame is handed to the
/// reader until the pump logs it delivered (PUBACK received and the outbox row marked delivered).
/// </summary>
internal sealed class LatencyRun(int run, double rate, int lanes, int warmUp, int measured)
{
    private const string SupervisorCategory = "EntryExit.Edge.Transport.MqttConnectionSupervisor";
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<string, long> _handedAt = new();
    private readonly ConcurrentDictionary<Guid, long> _storedAt = new();
    private int _notStored;

    public async Task<LatencyResult> RunAsync(CancellationToken cancellationToken)
    {
        using var workspace = BenchWorkspace.Create();
        await using var broker = LocalMosquitto.Configure(workspace.Directory.FullName, maxInflight: 100);
        await broker.StartAsync(cancellationToken);
        using var exchange = await ExchangeSubscriber.StartAsync(broker.Port, cancellationToken);
        var probe = new DeliveredProbe();
        var readers = Enumerable.Range(1, lanes)
            .Select(i => new SimulatedLaneReader($"bench-lane-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeProvider.System))
            .ToList();
        var settings = workspace.Settings("latency.db", broker.Port, acceptNoMatchingSubscribers: false);
        var total = warmUp + measured;
        var exit = await GatewayRunner.RunAsync(settings, TimeProvider.System, CliIO.Console, cancellationToken, new GatewayRunHooks
        {
            Readers = readers,
            ConfigureLogging = b =>
            {
                b.SetMinimumLevel(LogLevel.Warning);
                // The plaintext-link warning and the normal disconnect at stop would break up the table.
                b.AddFilter(SupervisorCategory, LogLevel.Error);
                b.AddProvider(probe);
                b.AddFilter<DeliveredProbe>(DeliveredProbe.PumpCategory, LogLevel.Debug);
            },
            WhileRunning = (_, host, ct) => DriveAsync(host, readers, probe, exchange, total, ct),
        });
        if (exit != 0)
        {
            throw new InvalidOperationException($"the gateway run ended with exit code {exit}");
        }

        return Collect(probe, exchange);
    }

    private async Task<int> DriveAsync(IHost host, List<SimulatedLaneReader> readers, DeliveredProbe probe, ExchangeSubscriber exchange, int total, CancellationToken cancellationToken)
    {
        host.Services.GetRequiredService<ScanProcessor>().Processed += (_, outcome) =>
        {
            if (outcome is { Kind: ScanOutcomeKind.Stored, RecordId: { } id })
            {
                _storedAt.TryAdd(id, Stopwatch.GetTimestamp());
            }
            else
            {
                Interlocked.Increment(ref _notStored);
            }
        };
        await host.Services.GetRequiredService<MqttConnectionSupervisor>().WaitUntilConnectedAsync(cancellationToken);

        var frames = Enumerable.Range(0, total).Select(i => Td3Specimen.Frame(run, i)).ToArray();
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            // A fixed schedule: a late tick is caught up at once, so the average rate holds.
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            _handedAt[Td3Specimen.DocumentNumber(run, i)] = Stopwatch.GetTimestamp();
            readers[i % readers.Count].Send(frames[i]);
        }

        var deadline = Stopwatch.StartNew();
        while (probe.DeliveredAt.Count < total - Volatile.Read(ref _notStored) || exchange.DocumentByRecord.Count < probe.DeliveredAt.Count)
        {
            if (deadline.Elapsed > DrainTimeout)
            {
                throw new TimeoutException($"only {probe.DeliveredAt.Count} of {total} records delivered within {DrainTimeout.TotalMinutes:0} minutes");
            }

            await Task.Delay(50, cancellationToken);
        }

        return 0;
    }

    private LatencyResult Collect(DeliveredProbe probe, ExchangeSubscriber exchange)
    {
        var total = new List<double>();
        var stored = new List<double>();
        foreach (var (id, deliveredAt) in probe.DeliveredAt)
        {
            var number = exchange.DocumentByRecord[id];
            var index = int.Parse(number.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
            if (index < warmUp)
            {
                continue;
            }

            var handedAt = _handedAt[number];
            total.Add(Stopwatch.GetElapsedTime(handedAt, deliveredAt).TotalMilliseconds);
            stored.Add(Stopwatch.GetElapsedTime(handedAt, _storedAt[id]).TotalMilliseconds);
        }

        return new LatencyResult(rate, lanes, total.Count, _notStored, [.. total], [.. stored]);
    }
}
