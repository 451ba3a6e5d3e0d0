using System.Diagnostics;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>RSS and CPU of a process over a window: RSS sampled every half second (median and max), CPU as the
/// share of one core between the window's first and last reading.</summary>
internal sealed record SteadyState(double RssMedianMiB, double RssMaxMiB, double CpuPercent, double Seconds)
{
    public static async Task<SteadyState> MeasureAsync(int pid, TimeSpan window, CancellationToken cancellationToken)
    {
        var first = ProcStat.Read(pid) ?? throw new InvalidOperationException("the gateway exited before the measurement");
        var clock = Stopwatch.StartNew();
        var rss = new List<long> { first.RssKiB };
        var last = first;
        while (clock.Elapsed < window)
        {
            await Task.Delay(500, cancellationToken); // the sampling period, not synchronisation
            last = ProcStat.Read(pid) ?? throw new InvalidOperationException("the gateway exited during the measurement");
            rss.Add(last.RssKiB);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        rss.Sort();
        return new SteadyState(
            rss[rss.Count / 2] / 1024.0,
            rss[^1] / 1024.0,
            (last.CpuTicks - first.CpuTicks) / ProcStat.TicksPerSecond / seconds * 100,
            seconds);
    }
}
