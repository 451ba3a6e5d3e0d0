using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: CrashChild DB KEYFILE WRITERS
// Appends records from WRITERS concurrent loops forever and prints each record id on its own line only AFTER
// AppendAsync has returned Stored: every printed id is a promise the outbox must keep across SIGKILL.
var options = new OutboxOptions { Path = args[0], KeyFile = args[1], GatewayId = "crash-test" };
var writers = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
await using var outbox = await SqliteOutbox.OpenAsync(options, TimeProvider.System, NullLogger<SqliteOutbox>.Instance, CancellationToken.None);
Console.Out.WriteLine("ready");

await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var id = Guid.CreateVersion7();
        var record = new EntryRecord
        {
            RecordId = id,
            EntryCountry = "CAN",
            PortCode = "0427",
            PortName = "Lacolle",
            Lane = "3",
            EntryTime = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            UtcOffset = "-05:00",
            Surname = "CRASHTEST",
            GivenNames = "KILL NINE",
            DateOfBirth = new DateOnly(1980, 1, 1),
            Nationality = "FRA",
            Sex = "X",
            DocumentType = DocumentTypes.Passport,
            DocumentCode = "P",
            DocumentNumber = id.ToString("N")[^12..].ToUpperInvariant(),
            IssuingCountry = "FRA",
            Category = "third-country-national",
        };
        var result = await outbox.AppendAsync(record, CancellationToken.None);
        if (result.Outcome == AppendOutcome.Stored)
        {
            Console.Out.WriteLine(id.ToString("D"));
        }
    }
})));
