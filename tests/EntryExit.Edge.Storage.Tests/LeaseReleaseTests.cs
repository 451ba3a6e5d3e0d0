using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Storage.Tests;

/// <summary>
/// Regression found by the chaos suite (docs/chaos.md): a record whose retry was being written could be read in
/// between (the lease was released before the write committed), leased again for the whole in-flight lease by a read
/// that skipped it, and then nobody sent it for 5 minutes.
/// </summary>
public sealed class LeaseReleaseTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_read_while_a_retry_is_being_written_does_not_strand_the_record()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", CultureInfo.InvariantCulture));
        await using var outbox = await _fixture.OpenAsync(time, o => o.InFlightLease = TimeSpan.FromMinutes(5));
        var record = OutboxFixture.Record();
        await outbox.AppendAsync(record, _ct);
        Assert.Single(await outbox.ReadDueAsync(10, _ct)); // in flight: the publish times out

        Task retry;
        using (await outbox.PauseWriterAsync(_ct))
        {
            retry = outbox.ScheduleRetryAsync(record.RecordId, "puback-timeout", time.GetUtcNow().AddSeconds(2), _ct);
            // The pump reads its next batch while the retry waits for the writer.
            Assert.Empty(await outbox.ReadDueAsync(10, _ct));
        }

        await retry;
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(record.RecordId, Assert.Single(await outbox.ReadDueAsync(10, _ct)).RecordId);
    }

    [Fact]
    public async Task A_retry_that_cannot_be_written_leaves_the_record_due_and_unleased()
    {
        await using var outbox = await _fixture.OpenAsync();
        var record = OutboxFixture.Record();
        await outbox.AppendAsync(record, _ct);
        Assert.Single(await outbox.ReadDueAsync(10, _ct));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.ScheduleRetryAsync(record.RecordId, "puback-timeout", DateTimeOffset.UtcNow, cancelled.Token));

        Assert.Single(await outbox.ReadDueAsync(10, _ct));
    }
}
