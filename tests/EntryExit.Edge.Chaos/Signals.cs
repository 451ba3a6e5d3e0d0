using System.Runtime.InteropServices;

namespace EntryExit.Edge.Chaos;

/// <summary>POSIX signals to child processes: .NET's <c>Process.Kill</c> only sends SIGKILL.</summary>
internal static partial class Signals
{
    public const int Term = 15;
    public const int Kill = 9;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is gone.</summary>
    public static bool Send(int pid, int signal) => SysKill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
