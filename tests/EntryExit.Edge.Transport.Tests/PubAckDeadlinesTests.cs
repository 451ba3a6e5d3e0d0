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
        var first = deadlines.Start();
        time.Advance(TimeSpan.FromSeconds(5));
        var second = deadlines.Start();

        time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.False(first.Token.IsCancellationRequested);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitCancelledAsync(time, first.Token);
        Assert.False(second.Token.IsCancellationRequested);

        time.Advance(TimeSpan.FromSeconds(5));
        await WaitCancelledAsync(time, second.Token);
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

    // The sweeper arms its timer on its own thread: if the test's clock moved on before the timer was registered,
    // the timer counts from the later time. Nudging the fake clock a millisecond at a time (at most one second, far
    // less than the five seconds to the next deadline) lets a late timer fire without skipping past anything.
    private static async Task WaitCancelledAsync(FakeTimeProvider time, CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.Register(() => cancelled.TrySetResult());
        for (var nudges = 0; !cancelled.Task.IsCompleted && nudges < 1000; nudges++)
        {
            await Task.WhenAny(cancelled.Task, Task.Delay(10, TestContext.Current.CancellationToken));
            if (!cancelled.Task.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
