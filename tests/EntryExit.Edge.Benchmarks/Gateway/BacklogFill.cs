using System.Diagnostics;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// Fills the gateway's outbox file with a backlog, the way the pipeline would have while the broker was down:
/// MRZ parse, eligibility, EntryRecordFactory, then <c>AppendAsync</c> from 64 concurrent writers.
/// Returns the exact payloads stored, for <c>mosquitto_pub</c> to send the same bytes.
/// </summary>
internal static class BacklogFill
{
    private const int Writers = 64;

    public static async Task<(List<byte[]> Payloads, double AppendsPerSecond)> FillAsync(GatewaySettings settings, int run, int count, CancellationToken cancellationToken)
    {
        var policy = GatewayHostFactory.Policy(settings.Exchange);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var records = new EntryRecord[count];
        for (var i = 0; i < count; i++)
        {
            var document = MrzParser.Parse(Td3Specimen.Frame(run, i), today);
            var verdict = EligibilityPolicy.Evaluate(document, DeclaredStatus.None, policy);
            records[i] = EntryRecordFactory.Create(document, verdict, new EntryContext
            {
                RecordId = Guid.CreateVersion7(now),
                EntryCountry = settings.Gateway.EntryCountry,
                PortCode = settings.Gateway.PortCode,
                PortName = settings.Gateway.PortName,
                Lane = "1",
                EntryTime = now,
                LocalUtcOffset = TimeSpan.Zero,
            });
        }

        await using var outbox = await SqliteOutbox.OpenAsync(OutboxSettings.ToOptions(settings, Environment.GetEnvironmentVariable), TimeProvider.System,
            NullLogger<SqliteOutbox>.Instance, cancellationToken);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var result = await outbox.AppendAsync(records[i], cancellationToken);
                if (result.Outcome != AppendOutcome.Stored)
                {
                    throw new InvalidOperationException($"append {i} was {result.Outcome} ({result.ErrorCode})");
                }
            }
        }, cancellationToken)));
        var appendRate = count / clock.Elapsed.TotalSeconds;
        return ([.. records.Select(EntryRecordJson.Serialize)], appendRate);
    }
}
