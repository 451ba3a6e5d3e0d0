using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EntryExit.Edge.Chaos.Broker;

/// <summary>
/// A Mosquitto of the run's own on a free loopback port, with persistence on: the exchange's persistent session and
/// the QoS 1 messages queued for it are written to <c>mosquitto.db</c> when it stops (SIGTERM) and read back when it
/// starts, so a restart loses nothing the broker acknowledged.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _configFile;
    private readonly string _logFile;
    private Process? _process;

    private MosquittoBroker(string configFile, string logFile, int port)
    {
        _configFile = configFile;
        _logFile = logFile;
        Port = port;
    }

    public int Port { get; }

    public static string? Executable { get; } = new[] { "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "mosquitto")))
        .FirstOrDefault(File.Exists);

    public static MosquittoBroker Configure(string directory)
    {
        var port = FreePort();
        var data = Directory.CreateDirectory(Path.Combine(directory, "mosquitto")).FullName;
        var config = Path.Combine(data, "mosquitto.conf");
        File.WriteAllLines(config,
        [
            "allow_anonymous true",
            "persistence true",
            $"persistence_location {data}/",
            "persistence_file mosquitto.db",
            // Written on every clean stop; also every 10 s so a crash of the broker (not part of this run) loses little.
            "autosave_interval 10",
            // The exchange's queue while it reconnects: no cap, no expiry (a record must never vanish at the broker).
            "max_queued_messages 0",
            "max_queued_bytes 0",
            "max_inflight_messages 20",
            $"user {Environment.UserName}",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            string.Create(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1"),
        ]);
        return new MosquittoBroker(config, Path.Combine(data, "mosquitto.log"), port);
    }

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("mosquitto is not installed (apt-get install mosquitto)"), ["-c", _configFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        var log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        var deadline = Stopwatch.StartNew();
        while (!await IsListeningAsync(cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"mosquitto is not listening on {Port} (see its log in the run folder)");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>A clean stop (SIGTERM): Mosquitto writes its persistence file and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            Signals.Send(process.Id, Signals.Term);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Write(StreamWriter log, string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
