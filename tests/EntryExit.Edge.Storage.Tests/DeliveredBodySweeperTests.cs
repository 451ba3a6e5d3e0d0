using System.Collections.Concurrent;
using EntryExit.Edge.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Storage.Tests;

/// <summary>When delivered records' bodies are deleted: after a pause in marks, at the latest after the maximum delay, again after a failure.</summary>
public sealed class DeliveredBodySweeperTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ConcurrentQueue<IReadOnlyList<Guid>> _deleted = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _failuresToCome;

    [Fact]
    public async Task Bodies_wait_while_marks_keep_coming_and_go_in_one_batch_once_they_pause()
    {
        await using var sweeper = Create();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var batch = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
            ids.AddRange(batch);
            sweeper.Add(batch);
            _time.Advance(TimeSpan.FromMilliseconds(900)); // marks keep coming: never a quiet second
        }

        Assert.Empty(_deleted);
        await AdvanceUntilAsync(() => !_deleted.IsEmpty, limit: TimeSpan.FromSeconds(5));

        Assert.Equal(ids, Assert.Single(_deleted));
        Assert.Equal(0, sweeper.Waiting);
    }

    [Fact]
    public async Task Bodies_go_at_the_latest_after_the_maximum_delay_when_marks_never_pause()
    {
        await using var sweeper = Create();
        var first = Guid.CreateVersion7();
        sweeper.Add([first]);
        var elapsed = TimeSpan.Zero;
        // Generous slack: on a loaded machine the sweeper may arm its timer some steps late (never early).
        while (_deleted.IsEmpty && elapsed < DeliveredBodySweeper.MaxDelay + TimeSpan.FromSeconds(60))
        {
            sweeper.Add([Guid.CreateVersion7()]);
            _time.Advance(TimeSpan.FromMilliseconds(500));
            elapsed += TimeSpan.FromMilliseconds(500);
            await Task.Yield();
            await WaitForSweeperAsync();
        }

        Assert.Contains(first, Assert.Single(_deleted));
        Assert.InRange(elapsed, DeliveredBodySweeper.MaxDelay, DeliveredBodySweeper.MaxDelay + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_failed_batch_is_reported_once_and_tried_again_until_it_goes()
    {
        _failuresToCome = 3;
        await using var sweeper = Create();
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        sweeper.Add(ids);

        await AdvanceUntilAsync(() => !_deleted.IsEmpty, limit: TimeSpan.FromSeconds(30));

        Assert.Equal(ids, Assert.Single(_deleted));
        Assert.Single(_failures);
        Assert.Equal(0, sweeper.Waiting);
    }

    [Fact]
    public async Task Closing_deletes_what_waits_without_waiting_for_the_pause()
    {
        var sweeper = Create();
        var ids = new[] { Guid.CreateVersion7() };
        sweeper.Add(ids);

        await sweeper.DisposeAsync();

        Assert.Equal(ids, Assert.Single(_deleted));
    }

    [Fact]
    public async Task A_large_batch_is_deleted_in_chunks_in_order_and_a_huge_one_is_due_at_once()
    {
        await using var sweeper = Create();
        var ids = Enumerable.Range(0, DeliveredBodySweeper.MaxWaiting).Select(_ => Guid.CreateVersion7()).ToList();

        sweeper.Add(ids); // no pause, no delay: this many are due now

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_deleted.Sum(chunk => chunk.Count) < ids.Count && DateTime.UtcNow < deadline)
        {
            await WaitForSweeperAsync(); // the fake clock does not move: only the count makes it due
        }

        Assert.Equal(ids, _deleted.SelectMany(chunk => chunk));
        Assert.All(_deleted, chunk => Assert.InRange(chunk.Count, 1, DeliveredBodySweeper.ChunkSize));
    }

    private DeliveredBodySweeper<Guid> Create() => new(_time, DeleteAsync, _failures.Enqueue);

    private Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresToCome) >= 0)
        {
            throw new IOException("disk full (test)");
        }

        _deleted.Enqueue([.. ids]);
        return Task.CompletedTask;
    }

    // The sweeper arms its timers on its own thread: move the fake clock a little at a time until the condition
    // holds, so a timer armed after a step still comes due (it never fires early: the "not before" checks hold).
    private async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var moved = TimeSpan.Zero;
        while (!condition() && moved < limit)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            moved += TimeSpan.FromMilliseconds(50);
            await WaitForSweeperAsync();
        }

        Assert.True(condition(), $"not done after {limit.TotalSeconds:0} s of fake time");
    }

    private static Task WaitForSweeperAsync() => Task.Delay(2, TestContext.Current.CancellationToken);
}
