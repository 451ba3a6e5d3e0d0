using System.Text.Json;
using EntryExit.Edge.Host.Tests.Cli;
using EntryExit.Edge.Host.Tests.Gateway;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

[Collection(LoopbackPortTests.Name)]
public sealed class DoctorCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-doctor-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private readonly List<System.Net.Sockets.Socket> _held = [];

    public void Dispose()
    {
        _held.ForEach(s => s.Dispose());
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task HealthyBox_PassesEveryCheck_ExitZero()
    {
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/#", _ct);
        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        GatewayEndToEndTests.MakeFifo(fifo);
        var outbox = await CreateOutboxAsync();
        var config = Write(Config(exchange.Port, fifo, outbox));

        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", config, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var checks = Parse(run.Output);
        Assert.Equal("ok", checks["config"].Outcome);
        Assert.Equal("ok", checks["reader-lane1"].Outcome);
        Assert.Equal("ok", checks["broker-tcp"].Outcome);
        Assert.Equal("warning", checks["broker-tls"].Outcome); // plaintext is a lab setting
        Assert.Equal("ok", checks["broker-session"].Outcome);
        Assert.Equal("ok", checks["broker-topic"].Outcome);
        Assert.Equal("ok", checks["outbox-integrity"].Outcome);
        Assert.Contains(checks["outbox-disk"].Outcome, new[] { "ok", "warning" });
        Assert.Contains("clock", checks.Keys);
    }

    [Fact]
    public async Task MissingDevice_UnreachableBroker_InvalidConfig_AreCrosses_WithFixes_ExitOne()
    {
        var port = ClosedPort();
        var config = Write(Config(port, Path.Combine(_dir.FullName, "ttyUSB-missing"), Path.Combine(_dir.FullName, "outbox.db"))
            .Replace("\"CAN\"", "\"MEX\"", StringComparison.Ordinal));

        var text = await CliRunner.RunAsync(string.Empty, "doctor", "--config", config);
        var json = await CliRunner.RunAsync(string.Empty, "doctor", "--config", config, "--json");

        Assert.Equal(1, text.ExitCode);
        var checks = Parse(json.Output);
        Assert.Equal("error", checks["config"].Outcome);
        Assert.Contains("Gateway:EntryCountry", checks["config"].Message, StringComparison.Ordinal);
        Assert.Equal("error", checks["reader-lane1"].Outcome);
        Assert.Equal("error", checks["broker-tcp"].Outcome);
        Assert.All(checks.Values.Where(c => c.Outcome != "ok"), c => Assert.False(string.IsNullOrWhiteSpace(c.Fix)));
        Assert.Contains("✖ reader lane1", text.Output, StringComparison.Ordinal);
        Assert.Contains("    fix: ", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsHandshake_SucceedsAgainstTheConfiguredCa_AndFailsAgainstAnother()
    {
        using var exchangeCa = new TestCertificates("exchange-ca");
        using var otherCa = new TestCertificates("other-ca");
        using var server = exchangeCa.Issue("localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), server: true);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var (listener, serving) = await TestCertificates.ServeTlsAsync(server, stop.Token);
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var good = await BrokerTlsAsync(port, TestCertificates.WritePem(Path.Combine(_dir.FullName, "exchange-ca.pem"), exchangeCa.Ca));
            var bad = await BrokerTlsAsync(port, TestCertificates.WritePem(Path.Combine(_dir.FullName, "other-ca.pem"), otherCa.Ca));

            Assert.True(good.Outcome == "ok", good.Message);
            Assert.Equal("error", bad.Outcome);
            Assert.Contains("Mqtt:CaFile", bad.Fix, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            listener.Stop();
            await serving;
        }
    }

    [Theory]
    [InlineData(200, "ok")]
    [InlineData(10, "warning")]
    [InlineData(-1, "error")]
    public async Task ClientCertificate_ExpiringWithin30Days_IsAWarning_Expired_IsACross(int daysLeft, string expected)
    {
        using var ca = new TestCertificates("exchange-ca");
        var today = new DateTimeOffset(CliRunner.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero); // the CLI runner's clock
        using var client = ca.Issue("gw1", today.AddDays(-400), today.AddDays(daysLeft), server: false);
        var certPath = TestCertificates.WritePem(Path.Combine(_dir.FullName, "client.pem"), client);
        var config = Write(Config(ClosedPort(), "-", Path.Combine(_dir.FullName, "outbox.db"))
            .Replace("\"AllowInsecure\": true", $"\"AllowInsecure\": true, \"ClientCertFile\": \"{certPath}\", \"ClientKeyFile\": \"client.key\"", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", config, "--json");

        Assert.Equal(expected, Parse(run.Output)["client-certificate"].Outcome);
    }

    [Fact]
    public async Task A_broker_that_refuses_this_gateways_topics_is_a_cross_with_the_acl_to_fix()
    {
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/#", _ct, configure: server =>
            server.InterceptingPublishAsync += e =>
            {
                if (e.ClientId.StartsWith("gw1", StringComparison.Ordinal))
                {
                    e.ProcessPublish = false;
                    e.Response.ReasonCode = MQTTnet.Protocol.MqttPubAckReasonCode.NotAuthorized;
                }

                return Task.CompletedTask;
            });

        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", Write(Config(exchange.Port, "-", Path.Combine(_dir.FullName, "outbox.db"))), "--json");

        Assert.Equal(1, run.ExitCode);
        var checks = Parse(run.Output);
        Assert.Equal("ok", checks["broker-session"].Outcome);
        Assert.Equal("error", checks["broker-topic"].Outcome);
        Assert.Contains("entryexit/v1/CAN/0813/", checks["broker-topic"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broker_that_refuses_the_session_is_a_cross_and_the_running_service_keeps_its_session()
    {
        var clientIds = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/#", _ct, configure: server =>
            server.ValidatingConnectionAsync += e =>
            {
                clientIds.Enqueue(e.ClientId);
                if (e.ClientId.StartsWith("gw1", StringComparison.Ordinal))
                {
                    e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.NotAuthorized;
                }

                return Task.CompletedTask;
            });

        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", Write(Config(exchange.Port, "-", Path.Combine(_dir.FullName, "outbox.db"))), "--json");

        Assert.Equal(1, run.ExitCode);
        var checks = Parse(run.Output);
        Assert.Equal("error", checks["broker-session"].Outcome);
        Assert.Contains("NotAuthorized", checks["broker-session"].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("broker-topic", checks.Keys);
        Assert.Contains("gw1-doctor", clientIds); // never the service's own client id, which would take over its session
        Assert.DoesNotContain("gw1", clientIds);
    }

    private async Task<Check> BrokerTlsAsync(int port, string caFile)
    {
        var config = Write($$"""
            {
              "Gateway": { "Id": "gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
              "Outbox": { "Path": "{{Path.Combine(_dir.FullName, "outbox.db")}}" },
              "Mqtt": { "Host": "localhost", "Port": {{port}}, "UseTls": true, "CaFile": "{{caFile}}" },
              "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "file", "Path": "-" } ]
            }
            """);
        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", config, "--json");
        return Parse(run.Output)["broker-tls"];
    }

    private async Task<string> CreateOutboxAsync()
    {
        var settings = GatewayEndToEndTests.Settings(1883, Path.Combine(_dir.FullName, "unused"), _dir.FullName);
        var options = EntryExit.Edge.Host.Hosting.OutboxSettings.ToOptions(settings, _ => null);
        await using (await SqliteOutbox.OpenAsync(options, TimeProvider.System, NullLogger<SqliteOutbox>.Instance, _ct))
        {
        }

        return options.Path;
    }

    private static string Config(int port, string readerPath, string outboxPath) => $$"""
        {
          "Gateway": { "Id": "gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
          "Outbox": { "Path": "{{outboxPath}}", "MaxBytes": 1048576 },
          "Mqtt": { "Host": "127.0.0.1", "Port": {{port}}, "UseTls": false, "AllowInsecure": true },
          "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "file", "Path": "{{readerPath}}" } ]
        }
        """;

    private static Dictionary<string, Check> Parse(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToDictionary(e => e.GetProperty("check").GetString()!, e => new Check(
            e.GetProperty("outcome").GetString()!, e.GetProperty("message").GetString()!, e.GetProperty("fix").GetString()));

    private string Write(string json)
    {
        var path = Path.Combine(_dir.FullName, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    // A port bound but not listening: connections are refused, and no other test can take it meanwhile.
    private int ClosedPort()
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        _held.Add(socket);
        return ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private sealed record Check(string Outcome, string Message, string? Fix);
}
