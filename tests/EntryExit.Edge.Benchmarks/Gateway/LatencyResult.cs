namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>Per-record latencies of one run, in milliseconds: scan to delivered, and scan to durably stored.</summary>
internal sealed record LatencyResult(double Rate, int Lanes, int Records, int NotStored, double[] ScanToDelivered, double[] ScanToStored)
{
    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
