using System.Diagnostics;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// One backlog drain: the real SQLite outbox holds <c>count</c> records; the gateway (no readers) starts with the
/// broker down; the broker comes up; timed from "link connected" until the last record is acknowledged and marked
/// delivered. <c>mosquitto_pub -q 1</c> sends the same payloads to the same broker just before and just after, and
/// the two are averaged (the machine is shared and its load drifts). No subscriber in any run, so PUBACK "no
/// matching subscribers" is accepted for this measurement only.
/// The gateway runs exactly as <c>run</c> does (GatewayRunner, default outbox options).
/// </summary>
internal static class DrainRun
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One run's figures. CPU is per delivered record, in microseconds: the gateway's whole process and the broker
    /// over the drain; mosquitto_pub's process and the broker over its two runs (averaged).
    /// </summary>
    public sealed record Result(int Records, int PayloadBytes, double AppendsPerSecond, long Delivered, double GatewaySeconds, double PubSeconds, long PendingAfter,
        double GatewayCpuUs, double GatewayBrokerCpuUs, double PubCpuUs, double PubBrokerCpuUs);

    private sealed record Drained(long Delivered, double Seconds, long Pending, TimeSpan GatewayCpu, TimeSpan BrokerCpu);

    public static async Task<Result> RunAsync(int run, int count, bool withMosquittoPub, int brokerReceiveMaximum, CancellationToken cancellationToken)
    {
        using var workspace = BenchWorkspace.Create();
        await using var broker = LocalMosquitto.Configure(workspace.Directory.FullName, maxInflight: brokerReceiveMaximum);
        var settings = workspace.Settings("drain.db", broker.Port, acceptNoMatchingSubscribers: true);
        var (payloads, appendRate) = await BacklogFill.FillAsync(settings, run, count, cancellationToken);

        var pubBefore = (Seconds: 0.0, CpuSeconds: 0.0);
        var pubBrokerCpu = TimeSpan.Zero;
        if (withMosquittoPub)
        {
            await broker.StartAsync(cancellationToken);
            var brokerCpu = broker.ProcessorTime;
            pubBefore = await MosquittoPub.PublishAsync(broker.Port, payloads, cancellationToken);
            pubBrokerCpu = broker.ProcessorTime - brokerCpu;
            broker.Stop(); // the gateway starts with the broker down
        }

        using var sent = new SentCounter(count);
        Drained? outcome = null;
        Func<GatewayParts, IHost, CancellationToken, Task<int>> drive = async (parts, host, ct) =>
        {
            outcome = await DriveAsync(parts, host, broker, sent, ct);
            return 0;
        };
        Action<ILoggingBuilder> logging = b => b.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("EntryExit.Edge.Transport.MqttConnectionSupervisor", LogLevel.Error); // plaintext warning expected here
        var exit = await GatewayRunner.RunAsync(settings, TimeProvider.System, CliIO.Console, cancellationToken,
            new GatewayRunHooks { Readers = [], ConfigureLogging = logging, WhileRunning = drive });
        if (exit != 0)
        {
            throw new InvalidOperationException($"the gateway run ended with exit code {exit}");
        }

        var drained = outcome ?? throw new InvalidOperationException("the drain did not run");
        var pubSeconds = 0.0;
        var pubCpu = 0.0;
        if (withMosquittoPub)
        {
            var brokerCpu = broker.ProcessorTime;
            var pubAfter = await MosquittoPub.PublishAsync(broker.Port, payloads, cancellationToken);
            pubBrokerCpu += broker.ProcessorTime - brokerCpu;
            pubSeconds = (pubBefore.Seconds + pubAfter.Seconds) / 2;
            pubCpu = (pubBefore.CpuSeconds + pubAfter.CpuSeconds) / 2;
        }

        double PerRecordUs(double seconds, long records) => records == 0 ? 0 : seconds * 1e6 / records;
        return new Result(count, payloads[0].Length, appendRate, drained.Delivered, drained.Seconds, pubSeconds, drained.Pending,
            PerRecordUs(drained.GatewayCpu.TotalSeconds, drained.Delivered), PerRecordUs(drained.BrokerCpu.TotalSeconds, drained.Delivered),
            PerRecordUs(pubCpu, count), PerRecordUs(pubBrokerCpu.TotalSeconds / 2, count));
    }

    private static async Task<Drained> DriveAsync(GatewayParts parts, IHost host, LocalMosquitto broker, SentCounter sent, CancellationToken cancellationToken)
    {
        var link = host.Services.GetRequiredService<MqttConnectionSupervisor>();
        var connected = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        link.StateChanged += (_, state) =>
        {
            if (state == LinkState.Connected)
            {
                connected.TrySetResult(Stopwatch.GetTimestamp());
            }
        };
        if (link.State == LinkState.Connected)
        {
            throw new InvalidOperationException("the link connected while the broker was meant to be down");
        }

        await broker.StartAsync(cancellationToken);
        var from = await connected.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var gatewayCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var brokerCpu = broker.ProcessorTime;
        // Done when every record is marked delivered, or stalled when nothing was delivered for a while.
        while (!sent.Reached.IsCompleted)
        {
            var last = sent.LastAt == 0 ? from : sent.LastAt;
            if (Stopwatch.GetElapsedTime(last) > Stall)
            {
                break;
            }

            await Task.WhenAny(sent.Reached, Task.Delay(250, cancellationToken));
        }

        var to = sent.Reached.IsCompleted ? await sent.Reached : sent.LastAt;
        // Read at once: the gateway's CPU from here on is its idle loops and the stop, not the drain.
        gatewayCpu = Process.GetCurrentProcess().TotalProcessorTime - gatewayCpu;
        brokerCpu = broker.ProcessorTime - brokerCpu;
        var pending = (await parts.Outbox.GetStatusAsync(cancellationToken)).Pending;
        return new Drained(sent.Sent, Stopwatch.GetElapsedTime(from, to).TotalSeconds, pending, gatewayCpu, brokerCpu);
    }
}
