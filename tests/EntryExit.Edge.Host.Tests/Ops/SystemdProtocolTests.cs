using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using EntryExit.Edge.Host.Tests.Gateway;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>
/// The real <c>entryexit-edge run</c> process speaking sd_notify to a datagram socket the test owns, as systemd's
/// would (no systemd runs in CI's container). Hosting.Systemd talks to NOTIFY_SOCKET only when its parent process is
/// named <c>systemd</c>: the test starts it from bash under that name (a symlink), which forks and waits like a manager.
/// </summary>
public sealed class SystemdProtocolTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ee-notify-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Run_sends_ready_status_and_watchdog_then_stopping_on_sigterm_and_exits_zero()
    {
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/#", _ct);
        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        GatewayEndToEndTests.MakeFifo(fifo);
        var key = Path.Combine(_dir.FullName, "outbox.key");
        await File.WriteAllBytesAsync(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), _ct);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = Path.Combine(_dir.FullName, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Gateway": { "Id": "gw-notify", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
              "Outbox": { "Path": "{{Path.Combine(_dir.FullName, "outbox.db")}}", "KeyFile": "{{key}}" },
              "Mqtt": { "Host": "127.0.0.1", "Port": {{exchange.Port}}, "UseTls": false, "AllowInsecure": true },
              "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "file", "Path": "{{fifo}}" } ]
            }
            """, _ct);
        var socketPath = Path.Combine(_dir.FullName, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var messages = new ConcurrentQueue<string>();
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var receiving = ReceiveAsync(socket, messages, stopReceiving.Token);

        var dll = Path.Combine(AppContext.BaseDirectory, "entryexit-edge.dll");
        var manager = Path.Combine(_dir.FullName, "systemd");
        File.CreateSymbolicLink(manager, "/bin/bash");
        var start = new ProcessStartInfo(manager) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("dotnet exec \"$0\" run --config \"$1\" & echo \"$!\"; wait $!");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(config);
        start.Environment["NOTIFY_SOCKET"] = socketPath;
        start.Environment["WATCHDOG_USEC"] = "1000000"; // WatchdogSec=1: a pet every half second
        start.Environment["RUNTIME_DIRECTORY"] = _dir.FullName; // the status socket goes here, as under systemd
        using var gateway = Process.Start(start)!;
        var gatewayPid = (await gateway.StandardOutput.ReadLineAsync(_ct))!.Trim();
        var output = gateway.StandardOutput.ReadToEndAsync(_ct);
        var error = gateway.StandardError.ReadToEndAsync(_ct);
        try
        {
            await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(
                    messages.Contains("READY=1")
                    && messages.Any(m => m.StartsWith("STATUS=", StringComparison.Ordinal) && m.Contains("broker connected", StringComparison.Ordinal))
                    && messages.Count(m => m == "WATCHDOG=1") >= 2), _ct,
                () => Task.FromResult("datagrams so far: " + string.Join(" | ", messages)));

            using (var kill = Process.Start("kill", ["-TERM", gatewayPid]))
            {
                await kill.WaitForExitAsync(_ct);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_ct);
            limit.CancelAfter(TimeSpan.FromSeconds(60)); // only stops a broken run from hanging the suite
            await gateway.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!gateway.HasExited)
            {
                gateway.Kill(entireProcessTree: true);
            }
        }

        Assert.True(gateway.ExitCode == 0, $"exit {gateway.ExitCode}: {await error}");
        await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(messages.Contains("STOPPING=1")), _ct);
        var ready = messages.ToList().IndexOf("READY=1");
        Assert.True(ready >= 0 && ready < messages.ToList().IndexOf("STOPPING=1"), "READY before STOPPING");
        await stopReceiving.CancelAsync();
        await receiving;
        _ = await output;
    }

    private static async Task ReceiveAsync(Socket socket, ConcurrentQueue<string> messages, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                // One datagram may carry several assignments, one per line.
                foreach (var line in Encoding.UTF8.GetString(buffer, 0, n).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    messages.Enqueue(line);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The test is done listening.
        }
    }
}
