using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Storage.Tests;

public sealed class GroupCommitTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Concurrent_appends_share_one_transaction_and_each_returns_stored()
    {
        await using var outbox = await _fixture.OpenAsync();
        var records = Enumerable.Range(0, 50).Select(_ => OutboxFixture.Record()).ToList();
        var before = outbox.AppendTransactions;

        Task<AppendResult>[] appends;
        using (await outbox.PauseWriterAsync(_ct))
        {
            appends = [.. records.Select(r => outbox.AppendAsync(r, _ct))];
            Assert.DoesNotContain(appends, a => a.IsCompleted); // nothing is acknowledged before its commit
        }

        var results = await Task.WhenAll(appends);

        Assert.All(results, r => Assert.Equal(AppendOutcome.Stored, r.Outcome));
        Assert.Equal(1, outbox.AppendTransactions - before);
        Assert.Equal(50, (await outbox.GetStatusAsync(_ct)).Pending);
    }

    [Fact]
    public async Task Batches_are_capped_at_the_configured_size()
    {
        await using var outbox = await _fixture.OpenAsync(configure: o => o.MaxBatchSize = 8);
        var before = outbox.AppendTransactions;

        Task<AppendResult>[] appends;
        using (await outbox.PauseWriterAsync(_ct))
        {
            appends = [.. Enumerable.Range(0, 20).Select(_ => outbox.AppendAsync(OutboxFixture.Record(), _ct))];
        }

        await Task.WhenAll(appends);
        Assert.Equal(3, outbox.AppendTransactions - before); // 8 + 8 + 4
    }

    [Fact]
    public async Task Appends_queued_before_dispose_are_all_committed()
    {
        var outbox = await _fixture.OpenAsync();
        var appends = Enumerable.Range(0, 30).Select(_ => outbox.AppendAsync(OutboxFixture.Record(), _ct)).ToList();
        await outbox.DisposeAsync();

        Assert.All(await Task.WhenAll(appends), r => Assert.Equal(AppendOutcome.Stored, r.Outcome));
        await using var reopened = await _fixture.OpenAsync();
        Assert.Equal(30, (await reopened.GetStatusAsync(_ct)).Pending);
    }
}
