using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Benchmarks;

/// <summary>
/// Outbox figures that BenchmarkDotNet cannot express well (durable appends under N concurrent writers against
/// the same disk's raw fsync rate). Run: dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- outbox
/// </summary>
public static class OutboxHarness
{
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(3);

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "outbox-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var fsync = MeasureFsyncRate(Path.Combine(directory, "fsync.probe"));
            Console.WriteLine($"temp dir: {Path.GetTempPath()}  (phase length {Phase.TotalSeconds:0} s)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw write+fsync rate: {fsync:0} /s"));
            Console.WriteLine();
            Console.WriteLine("| writers | durable appends/s | × fsync rate | transactions/s |");
            Console.WriteLine("|---:|---:|---:|---:|");
            foreach (var writers in (int[])[1, 8, 64])
            {
                var (rate, txPerSecond) = await MeasureAppendsAsync(Path.Combine(directory, $"append-{writers}.db"), writers);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {writers} | {rate:0} | {rate / fsync:0.0}× | {txPerSecond:0} |"));
            }

            Console.WriteLine();
            var (drainRate, fileBytes) = await MeasureDrainAndSizeAsync(Path.Combine(directory, "size.db"), 100_000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch read (256) + mark delivered: {drainRate:0} records/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"file size per 100,000 pending records (after checkpoint): {fileBytes / 1024.0 / 1024.0:0.0} MiB"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Small appends to a file, each followed by fsync: the ceiling for one-commit-per-record designs.</summary>
    internal static double MeasureFsyncRate(string path) => MeasureFsyncRate(path, Phase);

    /// <summary>As above, for <paramref name="phase"/> (the perf table's quick run uses shorter phases).</summary>
    internal static double MeasureFsyncRate(string path, TimeSpan phase)
    {
        var block = new byte[512];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < phase)
        {
            file.Write(block);
            file.Flush(flushToDisk: true);
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    internal static Task<(double Rate, double TransactionsPerSecond)> MeasureAppendsAsync(string path, int writers) =>
        MeasureAppendsAsync(path, writers, Phase);

    /// <summary>Durable appends/s with <paramref name="writers"/> concurrent writers for <paramref name="phase"/>.</summary>
    internal static async Task<(double Rate, double TransactionsPerSecond)> MeasureAppendsAsync(string path, int writers, TimeSpan phase)
    {
        await using var outbox = await OpenAsync(path);
        var stored = 0L;
        var clock = Stopwatch.StartNew();
        var before = TransactionCount(outbox);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < phase)
            {
                if ((await outbox.AppendAsync(Record(), CancellationToken.None)).Outcome == AppendOutcome.Stored)
                {
                    Interlocked.Increment(ref stored);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return (stored / seconds, (TransactionCount(outbox) - before) / seconds);
    }

    private static async Task<(double DrainRate, long FileBytes)> MeasureDrainAndSizeAsync(string path, int records)
    {
        await using var outbox = await OpenAsync(path);
        await FillAsync(outbox, records);
        await outbox.RunMaintenanceAsync(CancellationToken.None);
        var fileBytes = new FileInfo(path).Length;

        var drained = 0;
        var clock = Stopwatch.StartNew();
        while (await outbox.ReadDueAsync(256, CancellationToken.None) is { Count: > 0 } batch)
        {
            await outbox.MarkDeliveredAsync([.. batch.Select(i => i.RecordId)], CancellationToken.None);
            drained += batch.Count;
        }

        return (drained / clock.Elapsed.TotalSeconds, fileBytes);
    }

    /// <summary>Appends <paramref name="records"/> sample records from 64 concurrent writers.</summary>
    internal static async Task FillAsync(SqliteOutbox outbox, int records)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= records)
            {
                await outbox.AppendAsync(Record(), CancellationToken.None);
            }
        })));
    }

    internal static Task<SqliteOutbox> OpenAsync(string path) => SqliteOutbox.OpenAsync(
        new OutboxOptions { Path = path, Key = RandomNumberGenerator.GetBytes(32), GatewayId = "bench", MaxRecords = 10_000_000, MaxBytes = long.MaxValue },
        TimeProvider.System, NullLogger<SqliteOutbox>.Instance, CancellationToken.None);

    private static long TransactionCount(SqliteOutbox outbox) => outbox.AppendTransactions;

    private static EntryRecord Record()
    {
        var id = Guid.CreateVersion7();
        return new EntryRecord
        {
            RecordId = id,
            EntryCountry = "CAN",
            PortCode = "0427",
            PortName = "Lacolle",
            Lane = "3",
            EntryTime = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), // the schema wants whole milliseconds
            UtcOffset = "-05:00",
            Surname = "BENCHMARK-SURNAME",
            GivenNames = "GIVEN NAMES HERE",
            DateOfBirth = new DateOnly(1980, 1, 1),
            Nationality = "FRA",
            Sex = "X",
            DocumentType = DocumentTypes.Passport,
            DocumentCode = "P",
            DocumentNumber = id.ToString("N")[^12..].ToUpperInvariant(),
            IssuingCountry = "FRA",
            Category = "third-country-national",
        };
    }
}
