using System.Diagnostics;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>What the figures were taken on: CPU model and the load average at the time (the machine is shared).</summary>
internal static class MachineInfo
{
    public static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static string Header() =>
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC; cpu \"{CpuModel()}\" x{Environment.ProcessorCount}; load average {LoadAverage()}; " +
        $".NET {Environment.Version}; {(Debugger.IsAttached ? "debugger attached" : "no debugger")}";
}
