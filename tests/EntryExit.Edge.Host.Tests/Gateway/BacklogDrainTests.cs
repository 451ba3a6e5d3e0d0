using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>A backlog in the real SQLite outbox drains completely through the real pump: the outbox leases what it
/// hands out, so the pump must read only what it can send and hand back what it could not.</summary>
public sealed class BacklogDrainTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-drain-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Backlog_far_larger_than_the_window_is_delivered_completely()
    {
        const int records = 1500;
        await using var exchange = await ExchangeSubscriber.StartAsync("entryexit/v1/CAN/0813/entries", _ct);
        var settings = GatewayEndToEndTests.Settings(exchange.Port, Path.Combine(_dir.FullName, "unused"), _dir.FullName);
        settings.Mqtt.InFlightWindow = 16;
        await using (var outbox = await SqliteOutbox.OpenAsync(OutboxSettings.ToOptions(settings, _ => null), TimeProvider.System, NullLogger<SqliteOutbox>.Instance, _ct))
        {
            await Task.WhenAll(Enumerable.Range(0, records).Select(i => outbox.AppendAsync(Record(i), _ct)));
        }

        var code = await GatewayRunner.RunAsync(settings, TimeProvider.System, new CliIO(TextReader.Null, TextWriter.Null, TextWriter.Null), _ct, new GatewayRunHooks
        {
            Readers = [],
            ConfigureLogging = b => b.ClearProviders(),
            WhileRunning = async (parts, host, ct) =>
            {
                await GatewayEndToEndTests.WaitUntilAsync(async () => (await parts.Outbox.GetStatusAsync(ct)).Pending == 0, ct,
                    async () => $"pending {(await parts.Outbox.GetStatusAsync(ct)).Pending}, received {exchange.Records.Count}");
                return ExitCodes.Ok;
            },
        });

        Assert.Equal(0, code);
        Assert.Equal(records, exchange.Records.Count);
    }

    private static EntryRecord Record(int i) => new()
    {
        RecordId = Guid.CreateVersion7(),
        EntryCountry = "CAN",
        PortCode = "0813",
        PortName = "Douglas",
        Lane = "1",
        EntryTime = new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero),
        UtcOffset = "-08:00",
        Surname = "TRAVELLER",
        GivenNames = "BACKLOG",
        DateOfBirth = new DateOnly(1980, 1, 1),
        Nationality = "FRA",
        Sex = "X",
        DocumentType = DocumentTypes.Passport,
        DocumentCode = "P",
        DocumentNumber = $"BK{i:D7}",
        IssuingCountry = "FRA",
        Category = "third-country-national",
    };
}
