using System.Diagnostics;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// One backlog drain: the real SQLite outbox holds <c>count</c> records; the gateway (GatewayRunner, no readers)
/// starts with the broker down; the broker comes up; timed from "link connected" until the last record is
/// acknowledged and marked delivered. <c>mosquitto_pub -q 1</c> sends the same payloads to the same broker just
/// before and just after, and the two are averaged (the machine is shared and its load drifts).
/// No subscriber in any of the runs, so PUBACK "no matching subscribers" is accepted for this measurement only.
/// </summary>
internal static class DrainRun
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    public sealed record Result(int Records, int PayloadBytes, double AppendsPerSecond, double GatewaySeconds, double PubSeconds, long PendingAfter);

    public static async Task<Result> RunAsync(int run, int count, bool withMosquittoPub, CancellationToken cancellationToken)
    {
        using var workspace = BenchWorkspace.Create();
        await using var broker = LocalMosquitto.Configure(workspace.Directory.FullName, maxInflight: 100);
        var settings = workspace.Settings("drain.db", broker.Port, acceptNoMatchingSubscribers: true);
        var (payloads, appendRate) = await BacklogFill.FillAsync(settings, run, count, cancellationToken);

        var pubBefore = 0.0;
        if (withMosquittoPub)
        {
            await broker.StartAsync(cancellationToken);
            pubBefore = await MosquittoPub.PublishAsync(broker.Port, payloads, cancellationToken);
            broker.Stop(); // the gateway starts with the broker down
        }

        using var sent = new SentCounter(count);
        double? seconds = null;
        long pending = -1;
        var exit = await GatewayRunner.RunAsync(settings, TimeProvider.System, CliIO.Console, cancellationToken, new GatewayRunHooks
        {
            Readers = [],
            ConfigureLogging = b => b.SetMinimumLevel(LogLevel.Warning)
                .AddFilter("EntryExit.Edge.Transport.MqttConnectionSupervisor", LogLevel.Error), // plaintext and reconnect warnings expected here
            WhileRunning = async (parts, host, ct) =>
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

                await broker.StartAsync(ct);
                var from = await connected.Task.WaitAsync(DrainTimeout, ct);
                var to = await sent.Reached.WaitAsync(DrainTimeout, ct);
                seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
                pending = (await parts.Outbox.GetStatusAsync(ct)).Pending;
                return 0;
            },
        });
        if (exit != 0 || seconds is null)
        {
            throw new InvalidOperationException($"the gateway run ended with exit code {exit}");
        }

        var pubSeconds = 0.0;
        if (withMosquittoPub)
        {
            pubSeconds = (pubBefore + await MosquittoPub.PublishAsync(broker.Port, payloads, cancellationToken)) / 2;
        }

        return new Result(count, payloads[0].Length, appendRate, seconds.Value, pubSeconds, pending);
    }
}
