using System.Diagnostics;

namespace EntryExit.Edge.Chaos.Gateway;

/// <summary>
/// The gateway as its own process: <c>entryexit-edge run --config FILE</c>, as systemd would start it. Every output
/// line goes to <c>gateway-N.log</c> and, parsed, to the runner. Killed with SIGKILL, stopped with SIGTERM; an exit
/// the runner did not cause is reported (systemd would restart it; so does the runner).
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly GatewayBinary _binary;
    private readonly string _configPath;
    private readonly string _directory;
    private readonly Func<IReadOnlyDictionary<string, string>> _environment;
    private readonly Action<GatewayEvent> _onEvent;
    private readonly Lock _lock = new();
    private Process? _process;
    private Task? _pumps;
    private bool _expectingExit;

    public GatewayProcess(GatewayBinary binary, string configPath, string directory, Func<IReadOnlyDictionary<string, string>> environment, Action<GatewayEvent> onEvent)
    {
        _binary = binary;
        _configPath = configPath;
        _directory = directory;
        _environment = environment;
        _onEvent = onEvent;
    }

    /// <summary>The current (or last) process: 1 for the first start.</summary>
    public int Instance { get; private set; }

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>Exit code of the last process that ended, or null.</summary>
    public int? LastExitCode { get; private set; }

    /// <summary>Raised with (instance, exit code) when the process ends without the runner asking.</summary>
    public event Action<int, int>? ExitedUnexpectedly;

    public void Start()
    {
        lock (_lock)
        {
            if (_process is { HasExited: false })
            {
                throw new InvalidOperationException("The gateway is already running.");
            }

            _process?.Dispose();
            Instance++;
            _expectingExit = false;
            var start = _binary.StartInfo(["run", "--config", _configPath], _directory);
            foreach (var (key, value) in _environment())
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway did not start.");
            process.StandardInput.Close();
            _process = process;
            var instance = Instance;
            var log = new StreamWriter(Path.Combine(_directory, $"gateway-{instance}.log")) { AutoFlush = true };
            var output = PumpAsync(process.StandardOutput, log, instance);
            var error = PumpAsync(process.StandardError, log, instance);
            _pumps = Task.Run(async () =>
            {
                await Task.WhenAll(output, error);
                await process.WaitForExitAsync();
                await log.DisposeAsync();
                LastExitCode = process.ExitCode;
                bool expected;
                lock (_lock)
                {
                    expected = _expectingExit || !ReferenceEquals(_process, process);
                }

                if (!expected)
                {
                    ExitedUnexpectedly?.Invoke(instance, process.ExitCode);
                }
            });
        }
    }

    /// <summary>Completes when the current process has ended and its output is read.</summary>
    public async Task WaitForExitAsync()
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
        }

        if (process is not null)
        {
            await process.WaitForExitAsync();
            await (_pumps ?? Task.CompletedTask);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the broker.</summary>
    public async Task KillAsync()
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
            _expectingExit = true;
        }

        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            Signals.Send(process.Id, Signals.Kill);
        }

        await process.WaitForExitAsync();
        await (_pumps ?? Task.CompletedTask);
    }

    /// <summary>SIGTERM, as systemd stops the unit; SIGKILL after <paramref name="timeout"/>. Returns the exit code (-9 when killed).</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
            _expectingExit = true;
        }

        if (process is null)
        {
            return 0;
        }

        if (process.HasExited)
        {
            await (_pumps ?? Task.CompletedTask);
            return process.ExitCode;
        }

        Signals.Send(process.Id, Signals.Term);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return -9;
        }

        await (_pumps ?? Task.CompletedTask);
        return process.ExitCode;
    }

    /// <summary>Runs a technician's command (<c>outbox status</c>, <c>doctor</c>…) with the same binary, without libfaketime.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = _binary.StartInfo(arguments, _directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway command did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        lock (_lock)
        {
            _process?.Dispose();
            _process = null;
        }
    }

    private async Task PumpAsync(StreamReader reader, StreamWriter log, int instance)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }

            _onEvent(GatewayEvent.Parse(instance, Stopwatch.GetTimestamp(), line));
        }
    }
}
