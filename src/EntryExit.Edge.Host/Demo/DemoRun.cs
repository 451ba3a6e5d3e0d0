using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Demo;

/// <summary>One demo run: embedded exchange, temporary outbox and key, simulated lanes, the real pipeline.</summary>
internal sealed class DemoRun(CliIO io, TimeProvider time)
{
    // Generous: the demo's records are delivered in seconds; this only stops a broken run from hanging forever.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    public async Task<int> RunAsync(int? count, int laneCount, double rate, int seed, CancellationToken cancellationToken)
    {
        var workDir = Directory.CreateTempSubdirectory("entryexit-demo-");
        try
        {
            var settings = Settings(workDir.FullName);
            var topics = new TopicLayout(settings.Mqtt.TopicPrefix, new GatewayIdentity(settings.Gateway.Id, settings.Gateway.EntryCountry, settings.Gateway.PortCode, VersionInfo.Version));
            await using var exchange = await EmbeddedExchange.StartAsync(topics.Entries, cancellationToken);
            settings.Mqtt.Port = exchange.Port;
            var lanes = Enumerable.Range(1, laneCount).Select(i => new SimulatedLaneReader($"sim-lane-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), time)).ToList();
            var traffic = new DemoTraffic(lanes, seed, DateOnly.FromDateTime(time.GetLocalNow().DateTime), time);
            await io.Out.WriteLineAsync($"EntryExit.Edge demo: port {settings.Gateway.PortCode} ({settings.Gateway.EntryCountry}), {laneCount} simulated lanes, " +
                                        $"embedded exchange on 127.0.0.1:{exchange.Port}, outbox in {workDir.FullName}");
            await io.Out.WriteLineAsync(count is { } n ? $"Processing {n} travellers, then waiting for every eligible record to be delivered." : "Press Ctrl+C to stop.");

            return await GatewayRunner.RunAsync(settings, time, io, cancellationToken, new GatewayRunHooks
            {
                Readers = lanes,
                // The console belongs to the summary; problems still show.
                ConfigureLogging = b => b.SetMinimumLevel(LogLevel.Error),
                WhileRunning = (parts, host, ct) => DriveAsync(parts, host, traffic, exchange, count, rate, ct),
            });
        }
        finally
        {
            try
            {
                workDir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary folder holds only sealed bodies and a throwaway key.
            }
        }
    }

    private async Task<int> DriveAsync(GatewayParts parts, IHost host, DemoTraffic traffic, EmbeddedExchange exchange, int? count, double rate, CancellationToken cancellationToken)
    {
        var metrics = host.Services.GetRequiredService<GatewayMetrics>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var started = time.GetTimestamp();
        var playing = traffic.PlayAsync(count, rate, stop.Token);
        var interactive = !Console.IsOutputRedirected && ReferenceEquals(io.Out, Console.Out);
        var deadline = (DateTimeOffset?)null;
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await ticker.WaitForNextTickAsync(stop.Token))
            {
                var counts = metrics.Snapshot();
                var outbox = await parts.Outbox.GetStatusAsync(stop.Token);
                var line = DemoSummary.Line(time.GetElapsedTime(started), counts, outbox, exchange.Received);
                await io.Out.WriteAsync(interactive ? "\r" + line : line + Environment.NewLine);
                if (count is null || !playing.IsCompleted)
                {
                    continue;
                }

                await playing; // surface a failure of the traffic itself
                deadline ??= time.GetUtcNow() + DrainTimeout;
                if (Done(host, counts, outbox, traffic, exchange))
                {
                    break;
                }

                if (time.GetUtcNow() > deadline)
                {
                    await io.Out.WriteLineAsync();
                    await io.Error.WriteLineAsync($"Not every eligible record was delivered within {DrainTimeout.TotalMinutes:0} minutes ({outbox.Pending} pending).");
                    return ExitCodes.Failed;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C: fall through to the final summary.
        }

        var final = metrics.Snapshot();
        var status = await parts.Outbox.GetStatusAsync(CancellationToken.None);
        if (interactive)
        {
            await io.Out.WriteLineAsync();
        }

        DemoSummary.WriteFinal(io.Out, final, status, exchange.Received, exchange.NeverSharedSeen, traffic.Travellers);
        return exchange.NeverSharedSeen == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    // Every scan read, every booth session closed and processed, nothing pending, and the exchange has every record.
    private static bool Done(IHost host, GatewayCountsSnapshot counts, OutboxStatus outbox, DemoTraffic traffic, EmbeddedExchange exchange) =>
        counts.Scanned >= traffic.ScansSent && host.Services.GetRequiredService<ReaderIngestService>().AllLanesIdle
        && outbox.Pending == 0 && exchange.Received >= counts.Stored;

    private static GatewaySettings Settings(string workDir)
    {
        var keyFile = Path.Combine(workDir, "outbox.key");
        using (var key = new FileStream(keyFile, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            key.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }

        return new GatewaySettings
        {
            Gateway = new GatewaySection { Id = "demo-gateway", EntryCountry = "CAN", PortCode = "DEMO", PortName = "Demonstration port" },
            Outbox = new OutboxSection { Path = Path.Combine(workDir, "outbox.db"), KeyFile = keyFile },
            // Simulated travellers follow each other quickly; a short settle keeps the demo brisk.
            Booth = new BoothSection { SettleSeconds = 1 },
            Mqtt = new MqttLinkOptions { Host = "127.0.0.1", UseTls = false, AllowInsecure = true, HealthIntervalSeconds = 5 },
        };
    }
}
