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
/// with a counting queue between pump and adapter, to show how many outbox rows the pump reads per record it sends and where the time goes; the same pump over an
/// in-memory queue gives the transport's own rate.
/// "lowlevel" publishes through MQTTnet's packet layer alone (no client, no pump): the floor of this process's transport.
/// Run: dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- drain-reads [records [mqttnet|lowlevel|memory|outbox ...]]
/// </summary>
internal static class ReadAmplificationHarness
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        Console.WriteLine("| queue | delivered | seconds | rec/s | ReadDueAsync calls | rows returned per delivered | time in reads s | mark calls | ids per mark | time in marks s | gateway CPU s | broker CPU s | GCs gen0/1/2 (pause ms) | allocated KB per record | PUBACK ms mean / p50 / p99 | mean in flight |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|");
        var variants = args.Length > 1 ? args[1..] : ["mqttnet", "memory", "outbox"];
        foreach (var variant in variants)
        {
            using var workspace = BenchWorkspace.Create();
            await using var broker = LocalMosquitto.Configure(workspace.Directory.FullName, maxInflight: 100);
            var settings = workspace.Settings("reads.db", broker.Port, acceptNoMatchingSubscribers: true);
            var (payloads, _) = await BacklogFill.FillAsync(settings, 50, records, cancellationToken);
            await broker.StartAsync(cancellationToken);
            var options = OutboxSettings.ToOptions(settings, Environment.GetEnvironmentVariable);
            await using var outbox = await SqliteOutbox.OpenAsync(options, TimeProvider.System, NullLogger<SqliteOutbox>.Instance, cancellationToken);
            var queue = new CountingQueue(variant switch { "memory" => new MemoryQueue(payloads), "mqttnet" or "lowlevel" => new MemoryQueue([]), _ => new OutboxDeliveryAdapter(outbox) });
            using var metrics = new TransportMetrics();
            // Publish-to-PUBACK times: with the window full, mean in flight = rate x mean time (Little's law) is the
            // window; below it, the pump is slow to refill rather than the round trip slow to come back.
            var latencies = new System.Collections.Concurrent.ConcurrentQueue<double>();
            using var latencyListener = new System.Diagnostics.Metrics.MeterListener();
            latencyListener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TransportMetrics.MeterName && instrument.Name == "entryexit.transport.publish.latency")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            latencyListener.SetMeasurementEventCallback<double>((_, value, _, _) => latencies.Enqueue(value));
            latencyListener.Start();
            var identity = new GatewayIdentity(settings.Gateway.Id, settings.Gateway.EntryCountry, settings.Gateway.PortCode, VersionInfo.Version);
            var link = new MqttConnectionSupervisor(settings.Mqtt, identity, TimeProvider.System, NullLogger<MqttConnectionSupervisor>.Instance, metrics);
            using var logs = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(Environment.GetEnvironmentVariable("DRAIN_LOG") is null ? LogLevel.None : LogLevel.Debug));
            var pump = new DeliveryPump(queue, link, settings.Mqtt, TimeProvider.System, logs.CreateLogger<DeliveryPump>(), metrics);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = Task.WhenAll(link.RunAsync(stop.Token), pump.RunAsync(stop.Token));
            await link.WaitUntilConnectedAsync(cancellationToken);
            var selfCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var brokerCpu = broker.ProcessorTime;
            int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var paused = GC.GetTotalPauseDuration();
            string Cpu() => string.Create(CultureInfo.InvariantCulture,
                $" {(Process.GetCurrentProcess().TotalProcessorTime - selfCpu).TotalSeconds:0.00} | {(broker.ProcessorTime - brokerCpu).TotalSeconds:0.00} | " +
                $"{GC.CollectionCount(0) - gcs[0]}/{GC.CollectionCount(1) - gcs[1]}/{GC.CollectionCount(2) - gcs[2]} ({(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0}) | {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / records:0.0} |");
            if (variant == "lowlevel")
            {
                var low = await LowLevelPublishAsync(broker.Port, link.Topics.Entries, payloads, settings.Mqtt.InFlightWindow, cancellationToken);
                await stop.CancelAsync();
                await running;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MQTTnet packets, one loop, window {settings.Mqtt.InFlightWindow} | {records} | {low:0.00} | {records / low:0} | | | | | | |") + Cpu());
                continue;
            }

            if (variant == "mqttnet")
            {
                var raw = await RawPublishAsync(link, payloads, settings.Mqtt.InFlightWindow, cancellationToken);
                await stop.CancelAsync();
                await running;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MQTTnet alone, {settings.Mqtt.InFlightWindow} publishers | {records} | {raw:0.00} | {records / raw:0} | | | | | | |") + Cpu());
                continue;
            }

            var clock = Stopwatch.StartNew();
            var lastCount = 0L;
            var lastProgress = clock.Elapsed;
            while (queue.Marked < records && clock.Elapsed - lastProgress < Stall)
            {
                await Task.Delay(20, cancellationToken);
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
                $"| {variant} | {queue.Marked} | {seconds:0.00} | {queue.Marked / seconds:0} | {queue.Reads} | {(double)queue.RowsReturned / Math.Max(1, queue.Marked):0.00} | " +
                $"{queue.ReadTime.TotalSeconds:0.00} | {queue.Marks} | {(double)queue.Marked / Math.Max(1, queue.Marks):0.0} | {queue.MarkTime.TotalSeconds:0.00} |") + Cpu()
                + Latency(latencies, queue.Marked / seconds));
        }

        Console.WriteLine(MachineInfo.Header());
    }

    private static string Latency(System.Collections.Concurrent.ConcurrentQueue<double> latencies, double rate)
    {
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            return " | |";
        }

        var mean = sorted.Average();
        return string.Create(CultureInfo.InvariantCulture,
            $" {mean:0.00} / {sorted[sorted.Length / 2]:0.00} / {sorted[(int)(sorted.Length * 0.99)]:0.00} | {rate * mean / 1000:0.0} |");
    }

    // The same messages as the pump builds, published by `window` concurrent loops straight on the link's client:
    // the ceiling MQTTnet itself sets on this machine.
    // What MQTTnet's packet layer costs without its client: a second connection, PUBLISH packets written by the
    // loop that reads the PUBACKs (each acknowledgement sends the next record at once, as libmosquitto does).
    private static async Task<double> LowLevelPublishAsync(int port, string topic, List<byte[]> payloads, int window, CancellationToken cancellationToken)
    {
        var ids = payloads.Select(_ => System.Text.Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("D"))).ToArray();
        var schema = "entry-record/v1"u8.ToArray();
        using var client = new MQTTnet.MqttClientFactory().CreateLowLevelMqttClient();
        var options = new MQTTnet.MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithoutPacketFragmentation().Build();
        await client.ConnectAsync(options, cancellationToken);
        await client.SendAsync(new MQTTnet.Packets.MqttConnectPacket { ClientId = "bench-lowlevel", CleanSession = true, KeepAlivePeriod = 60 }, cancellationToken);
        if (await client.ReceiveAsync(cancellationToken) is not MQTTnet.Packets.MqttConnAckPacket)
        {
            throw new InvalidOperationException("no CONNACK");
        }

        var next = 0;
        MQTTnet.Packets.MqttPublishPacket Publish(int i) => new()
        {
            Topic = topic,
            PayloadSegment = payloads[i],
            QualityOfServiceLevel = MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce,
            PacketIdentifier = (ushort)(i % 60000 + 1),
            ContentType = "application/json",
            UserProperties = [new MQTTnet.Packets.MqttUserProperty("record-id", ids[i]), new MQTTnet.Packets.MqttUserProperty("schema", schema)],
        };
        var clock = Stopwatch.StartNew();
        for (; next < Math.Min(window, payloads.Count); next++)
        {
            await client.SendAsync(Publish(next), cancellationToken);
        }

        var acknowledged = 0;
        while (acknowledged < payloads.Count)
        {
            var packet = await client.ReceiveAsync(cancellationToken);
            if (packet is MQTTnet.Packets.MqttPubAckPacket)
            {
                acknowledged++;
                if (next < payloads.Count)
                {
                    await client.SendAsync(Publish(next++), cancellationToken);
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await client.SendAsync(new MQTTnet.Packets.MqttDisconnectPacket(), cancellationToken);
        await client.DisconnectAsync(cancellationToken);
        return seconds;
    }

    private static async Task<double> RawPublishAsync(MqttConnectionSupervisor link, List<byte[]> payloads, int window, CancellationToken cancellationToken)
    {
        var next = -1;
        // Ids made before the clock starts: Guid.NewGuid is a system call here (about 1.5 us), not the transport's cost.
        var ids = payloads.Select(_ => System.Text.Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("D"))).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, window).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < payloads.Count)
            {
                var message = new MQTTnet.MqttApplicationMessageBuilder().WithTopic(link.Topics.Entries).WithPayload(payloads[i])
                    .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).WithContentType("application/json")
                    .WithUserProperty("record-id", ids[i])
                    .WithUserProperty("schema", "entry-record/v1"u8.ToArray()).Build();
                await link.PublishAsync(message, cancellationToken);
            }
        }, cancellationToken)));
        return clock.Elapsed.TotalSeconds;
    }
}
