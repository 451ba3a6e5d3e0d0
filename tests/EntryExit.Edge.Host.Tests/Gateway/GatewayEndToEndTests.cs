using System.Diagnostics;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Host.Tests.Cli;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>The whole gateway in process: a FIFO reader, the real pipeline, a real SQLite outbox and a real broker.</summary>
public sealed class GatewayEndToEndTests : IDisposable
{
    // The bundled sample set: which documents must reach the exchange, and which must never.
    private static readonly string[] Eligible = ["ERIKSSON", "MARTIN", "TANAKA", "GARCIA", "ROY", "SHARMA"];
    private static readonly string[] NeverSent = ["TREMBLAY", "SMITH", "MUSTERMANN", "SILVA", "NGUYEN"];
    private static readonly string[] PersonalData =
        ["ERIKSSON", "MARTIN", "TANAKA", "GARCIA", "TREMBLAY", "SMITH", "L898902C3", "12AB34567", "AB123456", "1974-08-12", "740812", "P<UTO", "<<ANNA"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-e2e-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Fifo_to_broker_delivers_exactly_the_eligible_records_and_logs_no_personal_data()
    {
        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        MakeFifo(fifo);
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
        var settings = Settings(exchange.Port, fifo);
        var logs = new CapturingLoggerProvider();
        var samples = await File.ReadAllTextAsync(CliRunner.RepoFile("samples/documents.txt"), _ct);
        var io = new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null);

        var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, io, _ct, new GatewayRunHooks
        {
            ConfigureLogging = b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace),
            WhileRunning = async (parts, host, ct) =>
            {
                await File.WriteAllTextAsync(fifo, samples, ct);
                var metrics = host.Services.GetRequiredService<GatewayMetrics>();
                await WaitUntilAsync(async () => metrics.Snapshot().Scanned == 12
                    && (await parts.Outbox.GetStatusAsync(ct)).Pending == 0
                    && exchange.Records.Count >= Eligible.Length, ct);
                return ExitCodes.Ok;
            },
        });

        Assert.Equal(0, code);
        var surnames = exchange.Records.Values.Select(r => r.GetProperty("surname").GetString()).Order().ToArray();
        Assert.Equal(Eligible.Order(), surnames);
        Assert.DoesNotContain(exchange.Records.Values, r => NeverSent.Contains(r.GetProperty("surname").GetString()));
        Assert.All(exchange.Records.Values, r => Assert.Equal("0813", r.GetProperty("portCode").GetString()));
        Assert.NotEmpty(logs.Lines);
        foreach (var line in logs.Lines)
        {
            Assert.DoesNotContain(PersonalData, p => line.Contains(p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Broker_down_at_start_then_up_delivers_everything_stored()
    {
        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        MakeFifo(fifo);
        var samples = await File.ReadAllTextAsync(CliRunner.RepoFile("samples/documents.txt"), _ct);
        var port = FreePort();
        var settings = Settings(port, fifo);
        settings.Mqtt.RetryInitialDelay = TimeSpan.FromMilliseconds(50);
        ExchangeSubscriber? exchange = null;
        try
        {
            var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null), _ct, new GatewayRunHooks
            {
                ConfigureLogging = b => b.ClearProviders(),
                WhileRunning = async (parts, host, ct) =>
                {
                    await File.WriteAllTextAsync(fifo, samples, ct);
                    var metrics = host.Services.GetRequiredService<GatewayMetrics>();
                    await WaitUntilAsync(() => Task.FromResult(metrics.Snapshot().Stored == Eligible.Length), ct);
                    Assert.Equal(Eligible.Length, (await parts.Outbox.GetStatusAsync(ct)).Pending);

                    exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", ct, port);
                    await WaitUntilAsync(async () => (await parts.Outbox.GetStatusAsync(ct)).Pending == 0 && exchange.Records.Count >= Eligible.Length, ct);
                    return ExitCodes.Ok;
                },
            });

            Assert.Equal(0, code);
            Assert.Equal(Eligible.Length, exchange!.Records.Count);
        }
        finally
        {
            if (exchange is not null)
            {
                await exchange.DisposeAsync();
            }
        }
    }

    internal static GatewaySettings Settings(int brokerPort, string fifo, string? dir = null)
    {
        dir ??= Path.GetDirectoryName(fifo)!;
        var key = Path.Combine(dir, "outbox.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new GatewaySettings
        {
            Gateway = new GatewaySection { Id = "gw-e2e", EntryCountry = "CAN", PortCode = "0813", PortName = "Douglas", TimeZone = "America/Vancouver" },
            Outbox = new OutboxSection { Path = Path.Combine(dir, "outbox.db"), KeyFile = key },
            Mqtt = new MqttLinkOptions { Host = "127.0.0.1", Port = brokerPort, UseTls = false, AllowInsecure = true },
            Readers = [new ReaderSection { Id = "lane1", Lane = "1", Kind = "file", Path = fifo }],
            Booth = new BoothSection { SettleSeconds = 0.5 },
        };
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken ct, Func<Task<string>>? describe = null)
    {
        // Polls a condition; the generous limit only stops a broken run from hanging the suite.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("condition not reached within 180 s" + (describe is null ? string.Empty : ": " + await describe()));
            }

            await Task.Delay(50, ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
