using System.Diagnostics;
using System.Net.Sockets;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>
/// A real Mosquitto started by the test on free loopback ports: a plain listener and an mTLS listener
/// (certificates from <see cref="TestPki"/>), with an ACL that only grants the <c>entryexit/v1/#</c> tree.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _configFile;
    private Process? _process;

    private MosquittoBroker(string configFile, int plainPort, int tlsPort)
    {
        _configFile = configFile;
        PlainPort = plainPort;
        TlsPort = tlsPort;
    }

    public int PlainPort { get; }

    /// <summary>TLS listener that requires a client certificate from the test CA.</summary>
    public int TlsPort { get; }

    public static string? Executable { get; } = new[] { "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "mosquitto")))
        .FirstOrDefault(File.Exists);

    /// <summary>Skips the test where Mosquitto is not installed, except under CI where it must be.</summary>
    public static void RequireInstalled()
    {
        if (Executable is not null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true but mosquitto is not installed (apt-get install mosquitto).");
        }

        Assert.Skip("mosquitto is not installed (apt-get install mosquitto mosquitto-clients to run these tests).");
    }

    public static async Task<MosquittoBroker> StartAsync(TestPki pki, int maxInflight = 20)
    {
        RequireInstalled();
        var plain = FreePort.Next();
        var tls = FreePort.Next();
        var acl = Path.Combine(pki.Directory, "acl");
        File.WriteAllText(acl, "topic readwrite entryexit/v1/#\n");
        var config = Path.Combine(pki.Directory, $"mosquitto-{plain}.conf");
        File.WriteAllLines(config,
        [
            "per_listener_settings false",
            "allow_anonymous true",
            "persistence false",
            $"user {Environment.UserName}",
            $"acl_file {acl}",
            $"max_inflight_messages {maxInflight}",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            $"listener {plain} 127.0.0.1",
            $"listener {tls} 127.0.0.1",
            $"cafile {pki.CaFile}",
            $"certfile {pki.ServerCertFile}",
            $"keyfile {pki.ServerKeyFile}",
            "require_certificate true",
        ]);
        var broker = new MosquittoBroker(config, plain, tls);
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>SIGKILL: no clean shutdown, no goodbye to clients.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public Task RestartAsync() => StartProcessAsync();

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(Executable!, ["-c", _configFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited)
            {
                Assert.Fail($"mosquitto exited with {_process.ExitCode}; config {_configFile}");
            }

            return await IsListeningAsync(PlainPort) && await IsListeningAsync(TlsPort);
        }, "mosquitto listening");
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
