using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Storage.Tests;

/// <summary>
/// Reads and settlements running side by side, as the delivery pump runs them (marks on their own loop), and the
/// read cursor that keeps a read from walking the leased part of the queue again.
/// </summary>
public sealed class ConcurrentSettleTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-28T10:00:00Z", CultureInfo.InvariantCulture);
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_record_marked_delivered_while_a_read_is_under_way_is_never_handed_out_again()
    {
        // A read that began before a mark committed still sees the record pending in its snapshot; if the lease
        // ended before that read reached the row, the record went out twice (seen in the drain benchmark).
        const int records = 4000;
        await using var outbox = await _fixture.OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, records).Select(_ => outbox.AppendAsync(OutboxFixture.Record(), _ct)));
        var handedOut = new ConcurrentDictionary<Guid, int>();
        var toMark = Channel.CreateUnbounded<Guid>();
        var delivered = 0;

        var marker = Task.Run(async () =>
        {
            var batch = new List<Guid>();
            while (await toMark.Reader.WaitToReadAsync(_ct))
            {
                while (batch.Count < 32 && toMark.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }

                await outbox.MarkDeliveredAsync(batch, _ct);
                Interlocked.Add(ref delivered, batch.Count);
                batch.Clear();
            }
        }, _ct);
        var reader = Task.Run(async () =>
        {
            while (Volatile.Read(ref delivered) < records && !marker.IsCompleted)
            {
                foreach (var item in await outbox.ReadDueAsync(8, _ct))
                {
                    handedOut.AddOrUpdate(item.RecordId, 1, (_, n) => n + 1);
                    toMark.Writer.TryWrite(item.RecordId);
                }
            }

            toMark.Writer.Complete();
        }, _ct);
        await Task.WhenAll(reader, marker);

        Assert.Equal(records, handedOut.Count);
        Assert.DoesNotContain(handedOut, pair => pair.Value > 1);
        Assert.Equal(0L, (await outbox.GetStatusAsync(_ct)).Pending);
    }

    [Fact]
    public async Task Reads_go_on_past_leased_records_and_still_find_released_and_newly_due_ones()
    {
        var time = new FakeTimeProvider(Start);
        await using var outbox = await _fixture.OpenAsync(time);
        var records = Enumerable.Range(0, 4).Select(_ => OutboxFixture.Record()).ToList();
        foreach (var record in records)
        {
            await outbox.AppendAsync(record, _ct);
        }

        var (a, b, c, d) = (records[0].RecordId, records[1].RecordId, records[2].RecordId, records[3].RecordId);
        Assert.Equal([a, b, c], (await outbox.ReadDueAsync(3, _ct)).Select(i => i.RecordId));

        // The next read starts past the leased three.
        Assert.Equal([d], (await outbox.ReadDueAsync(3, _ct)).Select(i => i.RecordId));

        // A record handed back unsent is found again although the scan had gone past it.
        outbox.Release([b]);
        Assert.Equal([b], (await outbox.ReadDueAsync(3, _ct)).Select(i => i.RecordId));

        // A retry due later is not handed out early, and is found once due, below everything handed out since.
        await outbox.ScheduleRetryAsync(a, "MQTT_PUBACK_TIMEOUT", Start.AddSeconds(5), _ct);
        var e = OutboxFixture.Record();
        await outbox.AppendAsync(e, _ct);
        Assert.Equal([e.RecordId], (await outbox.ReadDueAsync(3, _ct)).Select(i => i.RecordId));
        Assert.Empty(await outbox.ReadDueAsync(3, _ct));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([a], (await outbox.ReadDueAsync(3, _ct)).Select(i => i.RecordId));

        // Marked records are gone for good; the rest stay leased.
        await outbox.MarkDeliveredAsync([a, b, c, d, e.RecordId], _ct);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await outbox.ReadDueAsync(10, _ct));
    }
}
