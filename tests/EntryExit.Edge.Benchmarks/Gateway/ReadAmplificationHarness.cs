using System.Diagnostics;
using System.Globalization;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// Diagnostic for the drain: the gateway's own pump, supervisor and outbox adapter (as GatewayHostFactory wires them)
/// with a counting queue between pump and adapter, to show how many outbox rows the pump reads per record it sends.
/// Run: dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- drain-reads [records]
/// </summary>
internal static class ReadAmplificationHarness
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        Console.WriteLine("| outbox lease | delivered | seconds | ReadDueAsync calls | rows asked | rows returned | rows returned per delivered |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var lease in (TimeSpan[])[TimeSpan.FromMinutes(5), TimeSpan.Zero])
        {
            using var workspace = BenchWorkspace.Create();
            await using var broker = LocalMosquitto.Configure(workspace.Directory.FullName, maxInflight: 100);
            var settings = workspace.Settings("reads.db", broker.Port, acceptNoMatchingSubscribers: true);
            await BacklogFill.FillAsync(settings, 50, records, cancellationToken);
            await broker.StartAsync(cancellationToken);
            var options = OutboxSettings.ToOptions(settings, Environment.GetEnvironmentVariable);
            options.InFlightLease = lease;
            await using var outbox = await SqliteOutbox.OpenAsync(options, TimeProvider.System, NullLogger<SqliteOutbox>.Instance, cancellationToken);
            var queue = new CountingQueue(new OutboxDeliveryAdapter(outbox));
            using var metrics = new TransportMetrics();
            var identity = new GatewayIdentity(settings.Gateway.Id, settings.Gateway.EntryCountry, settings.Gateway.PortCode, VersionInfo.Version);
            var link = new MqttConnectionSupervisor(settings.Mqtt, identity, TimeProvider.System, NullLogger<MqttConnectionSupervisor>.Instance, metrics);
            var pump = new DeliveryPump(queue, link, settings.Mqtt, TimeProvider.System, NullLogger<DeliveryPump>.Instance, metrics);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = Task.WhenAll(link.RunAsync(stop.Token), pump.RunAsync(stop.Token));
            await link.WaitUntilConnectedAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            var lastCount = 0L;
            var lastProgress = clock.Elapsed;
            while (queue.Marked < records && clock.Elapsed - lastProgress < Stall)
            {
                await Task.Delay(50, cancellationToken);
                if (queue.Marked != lastCount)
                {
                    lastCount = queue.Marked;
                    lastProgress = clock.Elapsed;
                }
            }

            var seconds = (queue.Marked < records ? lastProgress : clock.Elapsed).TotalSeconds;
            await stop.CancelAsync();
            await running;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {lease.TotalMinutes:0} min | {queue.Marked} | {seconds:0.0} | {queue.Reads} | {queue.RowsAsked} | {queue.RowsReturned} | {(double)queue.RowsReturned / Math.Max(1, queue.Marked):0.00} |"));
        }

        Console.WriteLine(MachineInfo.Header());
    }
}
