using System.Globalization;

namespace EntryExit.Edge.Storage.Tests;

/// <summary>
/// Regressions found by the chaos suite (docs/chaos.md): the wall clock steps (NTP after a bad RTC, a technician's
/// <c>date -s</c>) while the monotonic clock runs on. Records stored before a step back used to wait until the clock
/// caught up (hours); in-memory leases measured on the wall clock ended early or late.
/// </summary>
public sealed class ClockStepTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-28T10:00:00Z", CultureInfo.InvariantCulture);
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Records_stored_before_the_clock_stepped_back_are_due_at_once()
    {
        var clock = new SteppingClock(Start);
        await using var outbox = await _fixture.OpenAsync(clock);
        var first = OutboxFixture.Record();
        var second = OutboxFixture.Record();
        await outbox.AppendAsync(first, _ct);
        await outbox.AppendAsync(second, _ct);

        clock.StepWallClock(TimeSpan.FromMinutes(-135));

        Assert.Equal([first.RecordId, second.RecordId], (await outbox.ReadDueAsync(10, _ct)).Select(i => i.RecordId));
    }

    [Fact]
    public async Task A_retry_scheduled_before_a_step_back_is_due_at_once_while_without_a_step_it_waits()
    {
        var clock = new SteppingClock(Start);
        await using var outbox = await _fixture.OpenAsync(clock);
        var record = OutboxFixture.Record();
        await outbox.AppendAsync(record, _ct);
        await outbox.ReadDueAsync(10, _ct);
        await outbox.ScheduleRetryAsync(record.RecordId, "puback-timeout", clock.GetUtcNow().AddSeconds(30), _ct);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await outbox.ReadDueAsync(10, _ct)); // the backoff holds

        clock.StepWallClock(TimeSpan.FromHours(-1));

        Assert.Equal(record.RecordId, Assert.Single(await outbox.ReadDueAsync(10, _ct)).RecordId);
    }

    [Fact]
    public async Task In_flight_lease_runs_on_the_monotonic_clock_across_a_step_forward()
    {
        var clock = new SteppingClock(Start);
        await using var outbox = await _fixture.OpenAsync(clock, o => o.InFlightLease = TimeSpan.FromMinutes(5));
        await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        Assert.Single(await outbox.ReadDueAsync(10, _ct));

        clock.StepWallClock(TimeSpan.FromHours(2));
        Assert.Empty(await outbox.ReadDueAsync(10, _ct)); // still in flight: only seconds really passed

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await outbox.ReadDueAsync(10, _ct));
    }

    /// <summary>A wall clock that can step either way, over a monotonic clock that only moves forward.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _wall = start;
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => _wall;

        public override long GetTimestamp() => _ticks;

        /// <summary>Time passes: both clocks move.</summary>
        public void Advance(TimeSpan span)
        {
            _wall += span;
            _ticks += span.Ticks;
        }

        /// <summary>The wall clock is set: only it moves.</summary>
        public void StepWallClock(TimeSpan step) => _wall += step;
    }
}
