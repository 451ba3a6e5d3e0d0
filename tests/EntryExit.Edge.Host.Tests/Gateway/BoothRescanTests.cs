using System.Globalization;
using EntryExit.Edge.HardwareSim.Traffic;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>
/// Regression (found by the chaos suite, docs/chaos.md): on a lane without a presence sensor, a misread that the MRZ
/// engine repairs is a good read; the officer scans the passport again, then declares the traveller a citizen. The
/// rescan of the same document used to end the session as "the next traveller", so the first read was classified
/// without the declaration and a declared citizen's record reached the exchange.
/// </summary>
public sealed class BoothRescanTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-rescan-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Rescan_after_a_repaired_misread_keeps_the_session_so_the_citizen_declaration_excludes_the_traveller()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expiry = today.AddYears(5).ToString("yyMMdd", CultureInfo.InvariantCulture);
        var citizen = MrzWriter.Td3(new MrzFields("P<", "FRA", "DUALCITIZEN", "MARIE", "X4K29Q7P1", "FRA", "800214", 'F', expiry));
        var eligible = MrzWriter.Td3(new MrzFields("P<", "MEX", "ELIGIBLE", "ANA", "M7TR2K9Q4", "MEX", "900101", 'F', expiry));
        // OCR reads the birth date's '0' as 'O': the engine repairs it (check digit), so the read is good and green.
        var misread = new[] { citizen[0], citizen[1][..14] + "O" + citizen[1][15..] };
        var lane = string.Join("\n\n", string.Join('\n', misread), string.Join('\n', citizen), "#DECLARE us-citizen", string.Join('\n', eligible)) + "\n\n";

        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        GatewayEndToEndTests.MakeFifo(fifo);
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
        var settings = GatewayEndToEndTests.Settings(exchange.Port, fifo);
        // The misread, the rescan and the declaration must each come within the settle time of the one before: 0.5 s
        // left no room for a stall on a loaded machine. The last session ends by this timer, so the test waits it out.
        settings.Booth.SettleSeconds = 3;
        var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null), _ct, new GatewayRunHooks
        {
            ConfigureLogging = b => b.ClearProviders(),
            WhileRunning = async (parts, host, ct) =>
            {
                await File.WriteAllTextAsync(fifo, lane, ct);
                var metrics = host.Services.GetRequiredService<GatewayMetrics>();
                var ingest = host.Services.GetRequiredService<ReaderIngestService>();
                await GatewayEndToEndTests.WaitUntilAsync(async () => metrics.Snapshot().Scanned == 3 && ingest.AllLanesIdle
                    && (await parts.Outbox.GetStatusAsync(ct)).Pending == 0 && !exchange.Records.IsEmpty, ct);
                Assert.Equal(1L, metrics.Snapshot().Excluded);
                return ExitCodes.Ok;
            },
        });

        Assert.Equal(0, code);
        var record = Assert.Single(exchange.Records.Values);
        Assert.Equal("M7TR2K9Q4", record.GetProperty("documentNumber").GetString());
    }
}
