using System.Globalization;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>One reading of a process from /proc: resident set size and CPU time used so far.</summary>
internal readonly record struct ProcStat(long RssKiB, long CpuTicks)
{
    /// <summary>USER_HZ: /proc reports CPU time in these ticks (100 on every Linux ABI .NET runs on).</summary>
    public const double TicksPerSecond = 100;

    public static ProcStat? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start at field 3 (state); utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kib = long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return new ProcStat(kib, ticks);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            return null; // the process is gone
        }
    }
}
