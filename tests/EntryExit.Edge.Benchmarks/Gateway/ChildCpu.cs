using System.Runtime.InteropServices;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// CPU time (user + system) of this process's children that have exited and been waited for (getrusage
/// RUSAGE_CHILDREN). Read before and after a child's run to learn what it used: /proc has nothing once it is gone.
/// </summary>
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan Total()
    {
        Span<long> usage = stackalloc long[18]; // struct rusage on 64-bit Linux: two timevals, then 14 longs
        if (GetRusage(RusageChildren, ref MemoryMarshal.GetReference(usage)) != 0)
        {
            return TimeSpan.Zero;
        }

        var microseconds = (usage[0] + usage[2]) * 1_000_000 + usage[1] + usage[3];
        return TimeSpan.FromMicroseconds(microseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, ref long usage);
}
