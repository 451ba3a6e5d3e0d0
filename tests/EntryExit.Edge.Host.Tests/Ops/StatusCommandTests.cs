using System.Text.Json;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Ops;
using EntryExit.Edge.Host.Tests.Cli;
using EntryExit.Edge.Host.Tests.Gateway;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>A real gateway in process (FIFO reader, SQLite outbox, MQTT broker), asked over its status socket.</summary>
[Collection(LoopbackPortTests.Name)]
public sealed class StatusCommandTests : IDisposable
{
    private static readonly string[] PersonalData = ["ERIKSSON", "MARTIN", "TANAKA", "L898902C3", "1974-08-12", "740812", "P<UTO"];
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-status-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Status_FromTheRunningGateway_ReportsReadersBrokerOutboxAndCounts_WithoutPersonalData()
    {
        var socket = Path.Combine(_dir.FullName, "status.sock");
        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        GatewayEndToEndTests.MakeFifo(fifo);
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
        var notifier = new FakeNotifier();
        await using var gateway = await RunningGateway.StartAsync(GatewayEndToEndTests.Settings(exchange.Port, fifo), services =>
        {
            services.AddSingleton<ISystemdNotifier>(notifier);
            services.AddSingleton(new WatchdogTiming(TimeSpan.FromMilliseconds(200)));
            services.AddSingleton(new StatusSocketOptions(socket, UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }, _ct);
        await File.WriteAllTextAsync(fifo, await File.ReadAllTextAsync(CliRunner.RepoFile("samples/documents.txt"), _ct), _ct);
        await GatewayEndToEndTests.WaitUntilAsync(async () => exchange.Records.Count >= 6 && (await gateway.Outbox.GetStatusAsync(_ct)).Pending == 0, _ct);

        JsonElement status = default;
        await GatewayEndToEndTests.WaitUntilAsync(async () =>
        {
            var ask = await CliRunner.RunAsync(string.Empty, "status", "--json", "--socket", socket);
            Assert.True(ask.ExitCode == 0, ask.Error);
            status = JsonDocument.Parse(ask.Output).RootElement.Clone();
            return status.GetProperty("today").GetProperty("delivered").GetInt64() == 6 && status.GetProperty("today").GetProperty("scanned").GetInt64() == 12;
        }, _ct);
        var text = await CliRunner.RunAsync(string.Empty, "status", "--socket", socket);

        Assert.Equal("gw-e2e", status.GetProperty("gatewayId").GetString());
        Assert.Equal("lane1", status.GetProperty("readers")[0].GetProperty("id").GetString());
        Assert.Equal("connected", status.GetProperty("broker").GetProperty("state").GetString());
        Assert.Equal(0, status.GetProperty("outbox").GetProperty("pending").GetInt64());
        Assert.Equal(12, status.GetProperty("today").GetProperty("scanned").GetInt64());
        Assert.Equal(6, status.GetProperty("today").GetProperty("stored").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("lastDelivery").ValueKind);
        Assert.Empty(status.GetProperty("stalls").EnumerateArray());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("broker         connected", text.Output, StringComparison.Ordinal);
        Assert.Contains("scanned 12, stored 6, sent 6", text.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
        foreach (var answer in new[] { status.GetRawText(), text.Output })
        {
            Assert.DoesNotContain(PersonalData, p => answer.Contains(p, StringComparison.Ordinal));
        }

        // systemd saw a readable STATUS line and watchdog pets while the pipeline made progress.
        await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(notifier.LastStatus?.StartsWith("STATUS=lanes 1/1, broker connected, pending 0", StringComparison.Ordinal) == true && notifier.Pets > 0), _ct);
    }

    [Fact]
    public async Task Status_WithNoGateway_ExitsOne_AndSaysWhatToCheck()
    {
        var run = await CliRunner.RunAsync(string.Empty, "status", "--socket", Path.Combine(_dir.FullName, "none.sock"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("systemctl status entryexit-edge", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleSocketFile_FromAKilledGateway_IsReplaced()
    {
        var socket = Path.Combine(_dir.FullName, "status.sock");
        using (var stale = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            stale.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socket)); // bound, never listening, then closed: what a SIGKILL leaves
        }

        var source = new FixedStatus();
        using var server = new StatusSocketServer(source, new StatusSocketOptions(socket, UnixFileMode.UserRead | UnixFileMode.UserWrite), NullLogger<StatusSocketServer>.Instance);
        await server.StartAsync(_ct);
        try
        {
            CliRun? run = null;
            await GatewayEndToEndTests.WaitUntilAsync(async () => (run = await CliRunner.RunAsync(string.Empty, "status", "--json", "--socket", socket)).ExitCode == 0, _ct);
            Assert.Contains("\"gatewayId\":\"gw1\"", run!.Output, StringComparison.Ordinal);
        }
        finally
        {
            await server.StopAsync(_ct);
        }

        Assert.False(File.Exists(socket));
    }

    [Fact]
    public void SocketPath_UnderSystemd_IsInTheRuntimeDirectory_WithGroupAccess()
    {
        var env = new Dictionary<string, string?> { ["RUNTIME_DIRECTORY"] = "/run/entryexit-edge" };

        var options = StatusSocketOptions.FromEnvironment(k => env.GetValueOrDefault(k));
        var outside = StatusSocketOptions.FromEnvironment(_ => null);

        Assert.Equal("/run/entryexit-edge/status.sock", options.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, options.Mode);
        Assert.Equal(Path.GetFullPath("entryexit-edge.sock"), outside.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, outside.Mode);
    }

    private sealed class FixedStatus : IGatewayStatusSource
    {
        public Task<GatewayStatus> GetAsync(CancellationToken cancellationToken) => Task.FromResult(SystemdNotifyServiceTests.Status([]));
    }
}
