using System.Globalization;
using EntryExit.Edge.Benchmarks.Gateway;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>The harnesses that drive the gateway's code inside this process (so: the JIT only): durable appends
/// against the disk's fsync rate, backlog drain against mosquitto_pub, scan-to-PUBACK latency.</summary>
internal static class InProcessSections
{
    private const string NoAot = "not measured (in-process harness, JIT)";

    public static async Task<IEnumerable<PerfRow>> OutboxAsync(bool quick, CancellationToken cancellationToken)
    {
        var phase = TimeSpan.FromSeconds(quick ? 1.5 : 3);
        var directory = Directory.CreateTempSubdirectory("entryexit-perf-outbox-");
        try
        {
            var fsync = OutboxHarness.MeasureFsyncRate(Path.Combine(directory.FullName, "fsync.probe"), phase);
            var rows = new List<PerfRow>();
            foreach (var writers in (int[])[1, 64])
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (rate, commits) = await OutboxHarness.MeasureAppendsAsync(Path.Combine(directory.FullName, $"append-{writers}.db"), writers, phase);
                rows.Add(new PerfRow(
                    $"durable appends/s, {writers} writer{(writers == 1 ? "" : "s")} (synchronous=FULL)",
                    F($"{rate:N0} ({commits:N0} commits/s)"),
                    NoAot,
                    F($"disk write+fsync {fsync:N0}/s: {rate / fsync:0.0}×")));
            }

            return rows;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static async Task<IEnumerable<PerfRow>> DrainAsync(bool quick, CancellationToken cancellationToken)
    {
        if (LocalMosquitto.Executable is null)
        {
            return [new PerfRow("backlog drain, records/s", "not measured: mosquitto is not installed", NoAot, "")];
        }

        var records = quick ? 5_000 : 20_000;
        if (quick)
        {
            await DrainRun.RunAsync(0, 2_000, withMosquittoPub: false, DrainHarness.BrokerReceiveMaximum, cancellationToken); // JIT the gateway side
        }
        else
        {
            await DrainHarness.WarmUpAsync(DrainHarness.BrokerReceiveMaximum, cancellationToken);
        }

        // Identical runs differ by 10-15 % here: the full table shows the run with the median ratio of three.
        var runs = new List<DrainRun.Result>();
        for (var run = 1; run <= (quick ? 1 : 3); run++)
        {
            var result = await DrainRun.RunAsync(run, records, withMosquittoPub: true, DrainHarness.BrokerReceiveMaximum, cancellationToken);
            if (result.Delivered < result.Records)
            {
                return [new PerfRow("backlog drain, records/s", F($"stalled: {result.Delivered:N0} of {result.Records:N0} in {result.GatewaySeconds:0.0} s"), NoAot, "")];
            }

            runs.Add(result);
        }

        static double Ratio(DrainRun.Result r) => r.Delivered / r.GatewaySeconds / (r.Records / r.PubSeconds);
        var ordered = runs.OrderBy(Ratio).ToList();
        var median = ordered[ordered.Count / 2];
        var spread = ordered.Count > 1 ? F($" (of {ordered.Count} runs: {string.Join(", ", ordered.Select(r => Ratio(r).ToString("0.00", CultureInfo.InvariantCulture)))})") : "";
        return [new PerfRow("backlog drain, records/s", F($"{median.Delivered / median.GatewaySeconds:N0} ({records:N0} records, PUBACK + marked delivered)"), NoAot,
            F($"mosquitto_pub -q 1: {median.Records / median.PubSeconds:N0}/s; ratio {Ratio(median):0.00}{spread}"))];
    }

    public static async Task<IEnumerable<PerfRow>> LatencyAsync(bool quick, CancellationToken cancellationToken)
    {
        if (LocalMosquitto.Executable is null)
        {
            return [new PerfRow("scan to PUBACK", "not measured: mosquitto is not installed", NoAot, "")];
        }

        var seconds = quick ? 10 : 20;
        var rows = new List<PerfRow>();
        var run = 10;
        foreach (var (rate, lanes) in ((double, int)[])[(50, 4), (500, 16)])
        {
            var result = await new LatencyRun(run++, rate, lanes, warmUp: (int)(rate * 3), measured: (int)(rate * seconds)).RunAsync(cancellationToken);
            var d = result.ScanToDelivered;
            var s = result.ScanToStored;
            rows.Add(new PerfRow(
                F($"scan to PUBACK at {rate:0} records/s ({lanes} lanes), p50 / p99 ms"),
                F($"{P(d, 50):0.0} / {P(d, 99):0.0} ({result.Records:N0} records)"),
                NoAot,
                F($"scan to stored p50 / p99: {P(s, 50):0.0} / {P(s, 99):0.0} ms; the booth session closes at the lane's next scan ({1000 * lanes / rate:0} ms)")));
        }

        return rows;
    }

    private static double P(double[] values, double p) => LatencyResult.Percentile(values, p);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
