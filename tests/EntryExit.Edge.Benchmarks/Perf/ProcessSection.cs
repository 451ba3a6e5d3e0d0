using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EntryExit.Edge.Benchmarks.Gateway;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>
/// The real gateway process of each build (<see cref="GatewayProcess"/>): start-up time from spawn to READY=1 on
/// NOTIFY_SOCKET, then steady RSS and CPU at idle (lane 1 open, broker connected, nothing scanned) and while lane 1
/// receives 50 valid, eligible TD3 passports a second (one reader on standard input, line framing), delivered to
/// the harness's Mosquitto with a subscriber standing in for the exchange.
/// </summary>
internal static class ProcessSection
{
    private const double Rate = 50;

    public sealed record Figures(List<double> StartupMs, SteadyState Idle, SteadyState Loaded, int Sent, int Delivered, List<int> ExitCodes);

    public static async Task<Figures> MeasureAsync(GatewayBuild build, int buildIndex, bool quick, CancellationToken cancellationToken)
    {
        var starts = quick ? 3 : 5;
        var window = TimeSpan.FromSeconds(quick ? 10 : 20);
        var settle = TimeSpan.FromSeconds(quick ? 3 : 5);
        using var workspace = BenchWorkspace.Create();
        var dir = workspace.Directory.FullName;
        await using var broker = LocalMosquitto.Configure(dir, maxInflight: 100);
        await broker.StartAsync(cancellationToken);
        using var exchange = await ExchangeSubscriber.StartAsync(broker.Port, cancellationToken);
        using var notify = new NotifySocket(Path.Combine(dir, "notify.sock"));

        var startup = new List<double>();
        var exitCodes = new List<int>();
        for (var i = 0; i < starts; i++)
        {
            await using var gateway = await GatewayProcess.StartAsync(build, WriteConfig(workspace, broker.Port, $"start-{i}"), dir, notify, cancellationToken);
            var readyAt = await WaitReadyAsync(notify, gateway, cancellationToken);
            startup.Add(Stopwatch.GetElapsedTime(gateway.StartedAt, readyAt).TotalMilliseconds);
            exitCodes.Add(await gateway.StopAsync(cancellationToken));
        }

        await using var steady = await GatewayProcess.StartAsync(build, WriteConfig(workspace, broker.Port, "steady"), dir, notify, cancellationToken);
        await WaitReadyAsync(notify, steady, cancellationToken);
        await Task.Delay(settle, cancellationToken); // let start-up work (JIT, first connect) pass before "idle"
        var idle = await SteadyState.MeasureAsync(steady.Pid, window, cancellationToken);

        var run = 60 + buildIndex;
        var total = (int)(Rate * (settle + window).TotalSeconds);
        using var feeding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeder = FeedAsync(steady.Input, run, total, feeding.Token);
        await Task.Delay(settle, cancellationToken);
        var loaded = await SteadyState.MeasureAsync(steady.Pid, window, cancellationToken);
        var sent = await feeder;

        // Sanity, not a figure: the records did flow (the last one waits for its booth session's settle time).
        var deadline = Stopwatch.StartNew();
        while (exchange.DocumentByRecord.Count < sent && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, cancellationToken);
        }

        exitCodes.Add(await steady.StopAsync(cancellationToken));
        return new Figures(startup, idle, loaded, sent, exchange.DocumentByRecord.Count, exitCodes);
    }

    public static IEnumerable<PerfRow> Rows(Figures? jit, string jitMissing, GatewayBuild jitBuild, Figures? aot, string aotMissing)
    {
        string Startup(Figures? f, string missing) => f is null ? missing
            : F($"{Median(f.StartupMs):0} ms (min {f.StartupMs.Min():0}, {f.StartupMs.Count} starts)");
        string Idle(Figures? f, string missing) => f is null ? missing : F($"{f.Idle.RssMedianMiB:0.0} MiB, {f.Idle.CpuPercent:0.0} % CPU");
        string Loaded(Figures? f, string missing) => f is null ? missing
            : F($"{f.Loaded.RssMedianMiB:0.0} MiB (max {f.Loaded.RssMaxMiB:0.0}), {f.Loaded.CpuPercent:0.0} % CPU; {f.Delivered:N0}/{f.Sent:N0} delivered");
        yield return new PerfRow("start-up: spawn to READY=1 on NOTIFY_SOCKET (median)", Startup(jit, jitMissing), Startup(aot, aotMissing),
            "systemd Type=notify; JIT column: " + jitBuild.Description);
        yield return new PerfRow("steady RSS and CPU at idle (median RSS; CPU % of one core)", Idle(jit, jitMissing), Idle(aot, aotMissing),
            "1 reader open, broker connected, no scans");
        yield return new PerfRow("steady RSS and CPU at 50 records/s", Loaded(jit, jitMissing), Loaded(aot, aotMissing),
            "valid TD3s on one lane's reader, delivered to Mosquitto");
    }

    private static async Task<int> FeedAsync(StreamWriter input, int run, int total, CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency / Rate;
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        for (var i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            // A blank line ends the document (line framing).
            await input.WriteAsync(Td3Specimen.Frame(run, i) + "\n\n");
            await input.FlushAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    private static async Task<long> WaitReadyAsync(NotifySocket notify, GatewayProcess gateway, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            return await notify.Ready.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("no READY=1 within 60 s; the gateway said:\n" + gateway.LogTail);
        }
    }

    private static string WriteConfig(BenchWorkspace workspace, int brokerPort, string name)
    {
        var path = Path.Combine(workspace.Directory.FullName, name + ".json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("Gateway");
        json.WriteString("Id", "perf-gateway");
        json.WriteString("EntryCountry", "CAN");
        json.WriteString("PortCode", "BNCH");
        json.WriteString("PortName", "Benchmark port");
        json.WriteEndObject();
        json.WriteStartObject("Outbox");
        json.WriteString("Path", Path.Combine(workspace.Directory.FullName, name + ".db"));
        json.WriteString("KeyFile", workspace.KeyFile);
        json.WriteEndObject();
        json.WriteStartObject("Mqtt");
        json.WriteString("Host", "127.0.0.1");
        json.WriteNumber("Port", brokerPort);
        json.WriteBoolean("UseTls", false);
        json.WriteBoolean("AllowInsecure", true);
        json.WriteEndObject();
        json.WriteStartArray("Readers");
        json.WriteStartObject();
        json.WriteString("Id", "lane1");
        json.WriteString("Lane", "1");
        json.WriteString("Kind", "file");
        json.WriteString("Path", "-");
        json.WriteString("Framing", "lines");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
