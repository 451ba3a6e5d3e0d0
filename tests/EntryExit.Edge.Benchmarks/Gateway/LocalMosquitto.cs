using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>A Mosquitto of our own on a free loopback port (plain listener, no persistence), killed on dispose.</summary>
internal sealed class LocalMosquitto : IAsyncDisposable
{
    private readonly string _configFile;
    private Process? _process;

    private LocalMosquitto(string configFile, int port)
    {
        _configFile = configFile;
        Port = port;
    }

    public int Port { get; }

    /// <summary>CPU time the broker process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process?.Refresh();
            return _process?.TotalProcessorTime ?? TimeSpan.Zero;
        }
    }

    public static string? Executable { get; } = new[] { "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "mosquitto")))
        .FirstOrDefault(File.Exists);

    /// <summary>Writes the configuration; the broker starts only with <see cref="StartAsync"/> (so it can begin "down").</summary>
    public static LocalMosquitto Configure(string directory, int maxInflight)
    {
        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        File.WriteAllLines(config,
        [
            "allow_anonymous true",
            "persistence false",
            $"user {Environment.UserName}",
            string.Create(CultureInfo.InvariantCulture, $"max_inflight_messages {maxInflight}"),
            "log_dest stderr",
            "log_type error",
            string.Create(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1"),
        ]);
        return new LocalMosquitto(config, port);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("mosquitto is not installed"), ["-c", _configFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data) && !e.Data.Contains("should not be run as root", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("mosquitto: " + e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (!await IsListeningAsync(cancellationToken))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"mosquitto is not listening on {Port}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
