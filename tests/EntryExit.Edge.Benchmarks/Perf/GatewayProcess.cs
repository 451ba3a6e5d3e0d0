using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>
/// The real gateway process, <c>entryexit-edge run --config FILE</c>, started the way systemd starts it as far as
/// Hosting.Systemd can tell: <c>NOTIFY_SOCKET</c> points at the harness's socket and the parent process is called
/// <c>systemd</c> (Hosting.Systemd 10 only acts when its parent's /proc comm is "systemd" or it is PID 1). The parent
/// is /bin/sh started through a symlink named <c>systemd</c>; it stays as the parent and passes on the exit code.
/// Standard input is the reader of lane 1 (<c>"Path": "-"</c>), so the harness feeds frames by writing to it.
/// </summary>
internal sealed partial class GatewayProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _shell;
    private readonly StringBuilder _log = new();

    private GatewayProcess(Process shell, int pid, long startedAt)
    {
        _shell = shell;
        Pid = pid;
        StartedAt = startedAt;
    }

    /// <summary>The gateway's own process id (the child of the shell).</summary>
    public int Pid { get; }

    /// <summary>Stopwatch timestamp just before the spawn.</summary>
    public long StartedAt { get; }

    /// <summary>Lane 1's reader: the gateway's standard input.</summary>
    public StreamWriter Input => _shell.StandardInput;

    /// <summary>The last lines the gateway wrote (for a failed run's message).</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<GatewayProcess> StartAsync(GatewayBuild build, string configPath, string workDirectory, NotifySocket notify,
        CancellationToken cancellationToken)
    {
        var shim = Path.Combine(workDirectory, "systemd");
        if (!File.Exists(shim))
        {
            File.CreateSymbolicLink(shim, "/bin/sh");
        }

        var start = new ProcessStartInfo(shim)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
        };
        // "$0" "$@" is not the last command, so the shell forks instead of exec-ing and stays the parent.
        foreach (var arg in (string[])["-c", "\"$0\" \"$@\"; exit $?", build.Executable, .. build.PrefixArgs, "run", "--config", configPath])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NOTIFY_SOCKET"] = notify.Path;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        notify.Rearm();
        var startedAt = Stopwatch.GetTimestamp();
        var shell = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        var log = new StringBuilder();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
                if (log.Length > 8000)
                {
                    log.Remove(0, log.Length - 8000);
                }
            }
        }

        shell.OutputDataReceived += (_, e) => Keep(e.Data);
        shell.ErrorDataReceived += (_, e) => Keep(e.Data);
        shell.BeginOutputReadLine();
        shell.BeginErrorReadLine();

        // The gateway is the shell's only child; wait until it shows up (setup, not measured).
        var deadline = Stopwatch.StartNew();
        int? pid = null;
        while (pid is null)
        {
            if (shell.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException("the gateway did not start: " + log);
            }

            pid = ChildOf(shell.Id);
            if (pid is null)
            {
                await Task.Delay(5, cancellationToken);
            }
        }

        var process = new GatewayProcess(shell, pid.Value, startedAt);
        lock (log)
        {
            process._log.Append(log);
        }

        shell.OutputDataReceived += (_, e) => process.Keep(e.Data);
        shell.ErrorDataReceived += (_, e) => process.Keep(e.Data);
        return process;
    }

    /// <summary>SIGTERM (systemd's stop), then waits for the exit; SIGKILL after 30 s.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        if (!_shell.HasExited)
        {
            _ = Kill(Pid, SigTerm);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await _shell.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                _shell.Kill(entireProcessTree: true);
                await _shell.WaitForExitAsync(CancellationToken.None);
            }
        }

        return _shell.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _shell.Dispose();
    }

    private static int? ChildOf(int parent)
    {
        try
        {
            var children = File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length > 0 ? int.Parse(children[0], System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > 8000)
            {
                _log.Remove(0, _log.Length - 8000);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
