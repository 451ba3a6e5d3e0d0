using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>The single sweeper that stands in for a timer per publish.</summary>
public sealed class PubAckDeadlinesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_publish_is_cancelled_at_its_deadline_and_not_before()
    {
        var time = new FakeTimeProvider();
        var deadlines = new PubAckDeadlines(time, Timeout);
        using var stop = new CancellationTokenSource();
        var sweeping = deadlines.RunAsync(stop.Token);
        await WaitArmedAsync(deadlines, 1); // waiting for a first deadline
        var first = deadlines.Start();
        await WaitArmedAsync(deadlines, 2); // its timer: due at 15 s
        time.Advance(TimeSpan.FromSeconds(5));
        var second = deadlines.Start(); // due at 20 s; the sweeper sleeps on until the first is due

        time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.False(first.Token.IsCancellationRequested);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitCancelledAsync(first.Token);
        await WaitArmedAsync(deadlines, 3); // the second's timer, 5 s on
        Assert.False(second.Token.IsCancellationRequested);

        time.Advance(TimeSpan.FromSeconds(4.999));
        Assert.False(second.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitCancelledAsync(second.Token);
        await stop.CancelAsync();
        await sweeping;
    }

    [Fact]
    public async Task An_ended_publish_is_never_cancelled_and_a_stop_cancels_every_open_one()
    {
        var time = new FakeTimeProvider();
        var deadlines = new PubAckDeadlines(time, Timeout);
        using var stop = new CancellationTokenSource();
        var sweeping = deadlines.RunAsync(stop.Token);
        var acknowledged = deadlines.Start();
        var open = deadlines.Start();
        deadlines.End(acknowledged);

        await stop.CancelAsync();
        await sweeping;

        Assert.True(open.Token.IsCancellationRequested);
        Assert.False(acknowledged.Token.IsCancellationRequested);
        time.Advance(Timeout * 2);
        Assert.False(acknowledged.Token.IsCancellationRequested);
        Assert.True(deadlines.Start().Token.IsCancellationRequested); // after the stop nothing waits
    }

    // The sweeper arms its timers on its own thread. A timer armed after the fake clock moved would count from the
    // later time, so the test moves the clock only once the sweeper waits.
    private static async Task WaitArmedAsync(PubAckDeadlines deadlines, int waits)
    {
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (deadlines.WaitsArmed < waits)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(10), $"the sweeper armed {deadlines.WaitsArmed} waits, not {waits}");
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
