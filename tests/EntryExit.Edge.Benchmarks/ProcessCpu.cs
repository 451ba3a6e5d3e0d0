using System.Runtime.InteropServices;

namespace EntryExit.Edge.Benchmarks;

/// <summary>
/// CPU time (user + system, all threads) this process has used, to the nanosecond (clock_gettime
/// CLOCK_PROCESS_CPUTIME_ID): Process.TotalProcessorTime counts in 10 ms ticks, too coarse around one call.
/// </summary>
internal static partial class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;

    public static TimeSpan Now()
    {
        Span<long> timespec = stackalloc long[2];
        return ClockGetTime(ClockProcessCpuTimeId, ref MemoryMarshal.GetReference(timespec)) == 0
            ? TimeSpan.FromTicks(timespec[0] * TimeSpan.TicksPerSecond + timespec[1] / 100)
            : TimeSpan.Zero;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, ref long timespec);
}
