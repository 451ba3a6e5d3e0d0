using System.Diagnostics;
using EntryExit.Edge.Chaos.Booth;
using EntryExit.Edge.Chaos.Faults;

namespace EntryExit.Edge.Chaos;

/// <summary>Firing the planned faults while the traffic runs, and calming everything down at the end.</summary>
internal sealed partial class ChaosRunner
{
    private static readonly TimeSpan QuietAfterRefusal = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _networkLock = new(1, 1);
    private readonly SemaphoreSlim _diskLock = new(1, 1);
    private readonly SemaphoreSlim _brokerLock = new(1, 1);

    private async Task RunFaultsAsync(IReadOnlyList<FaultStep> plan, CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        foreach (var step in plan)
        {
            while (_floor.Progress < step.AtProgress && _floor.Remaining > 0)
            {
                ThrowIfFatal();
                await Task.Delay(25, cancellationToken);
            }

            running.Add(step.Kind switch
            {
                FaultKind.Kill => RestartAsync(kill: true, step.Duration, crashedInstance: null, cancellationToken),
                FaultKind.BrokerRestart => BrokerRestartAsync(step, cancellationToken),
                FaultKind.DiskFill => DiskFillAsync(step, cancellationToken),
                FaultKind.ClockJump => ClockJumpAsync(step, cancellationToken),
                _ => NetworkFaultAsync(step, cancellationToken),
            });
        }

        // The traffic goes on to its end while the last faults finish.
        while (_floor.Remaining > 0)
        {
            ThrowIfFatal();
            await Task.Delay(100, cancellationToken);
        }

        await Task.WhenAll(running);
    }

    private async Task BrokerRestartAsync(FaultStep step, CancellationToken cancellationToken)
    {
        await _brokerLock.WaitAsync(cancellationToken);
        try
        {
            await _broker.StopAsync();
            Say($"Mosquitto stopped (SIGTERM) for {step.Duration.TotalSeconds:0.0} s");
            await Task.Delay(step.Duration, cancellationToken);
            await _broker.StartAsync(cancellationToken);
            Interlocked.Increment(ref _counts.BrokerRestarts);
        }
        finally
        {
            _brokerLock.Release();
        }
    }

    private async Task NetworkFaultAsync(FaultStep step, CancellationToken cancellationToken)
    {
        await _networkLock.WaitAsync(cancellationToken);
        try
        {
            switch (step.Kind)
            {
                case FaultKind.Cut:
                    _proxy.Cut();
                    Interlocked.Increment(ref _counts.Cuts);
                    Say($"network cut (RST) for {step.Duration.TotalSeconds:0.0} s");
                    break;
                case FaultKind.BlackHole:
                    _proxy.BlackHole();
                    Interlocked.Increment(ref _counts.BlackHoles);
                    Say($"network black-holed for {step.Duration.TotalSeconds:0.0} s");
                    break;
                default:
                    _proxy.Slow(step.Latency, step.BytesPerSecond);
                    Interlocked.Increment(ref _counts.Slowdowns);
                    Say($"network slowed ({step.Latency.TotalMilliseconds:0} ms, {step.BytesPerSecond / 1024} KiB/s) for {step.Duration.TotalSeconds:0.0} s");
                    break;
            }

            await Task.Delay(step.Duration, cancellationToken);
            _proxy.Heal();
        }
        finally
        {
            _networkLock.Release();
        }
    }

    private async Task DiskFillAsync(FaultStep step, CancellationToken cancellationToken)
    {
        if (_disk.Mode == DiskMode.Cap)
        {
            await CapFillAsync(step, cancellationToken);
            return;
        }

        await _diskLock.WaitAsync(cancellationToken);
        try
        {
            var from = Stopwatch.GetTimestamp();
            var refusalsBefore = Volatile.Read(ref _refusals);
            _disk.Fill();
            Interlocked.Increment(ref _counts.DiskFills);
            Say($"outbox disk full ({_disk.FilledBytes >> 10} KiB filler, {_disk.FreeBytes()} bytes free) for {step.Duration.TotalSeconds:0.0} s");
            await Task.Delay(step.Duration, cancellationToken);
            _disk.Free();
            var to = Stopwatch.GetTimestamp();
            Say($"outbox disk freed ({Volatile.Read(ref _refusals) - refusalsBefore} refusals while full)");
            // The booth officer rescans everyone scanned while the disk was full (their lights were red).
            _floor.Defer(null, from, to + SentSession.Ticks(_options.FinaliseGrace));
        }
        finally
        {
            _diskLock.Release();
        }
    }

    // No mount allowed: black-hole the link until the outbox's record cap refuses records, hold a little, heal.
    private async Task CapFillAsync(FaultStep step, CancellationToken cancellationToken)
    {
        await _networkLock.WaitAsync(cancellationToken);
        try
        {
            var refusalsBefore = Volatile.Read(ref _refusals);
            _proxy.BlackHole();
            // 1000 records pile up at the eligible rate (about 10 a second): this takes a while.
            var limit = Stopwatch.GetTimestamp() + SentSession.Ticks(TimeSpan.FromSeconds(180));
            while (Volatile.Read(ref _refusals) == refusalsBefore && Stopwatch.GetTimestamp() < limit && _floor.Remaining > 0)
            {
                await Task.Delay(50, cancellationToken);
            }

            var full = Volatile.Read(ref _refusals) > refusalsBefore;
            if (full)
            {
                Interlocked.Increment(ref _counts.DiskFills);
            }

            Say(full ? $"outbox cap reached; held for {step.Duration.TotalSeconds:0.0} s" : "outbox cap not reached (traffic too light)");
            await Task.Delay(full ? step.Duration : TimeSpan.Zero, cancellationToken);
            _proxy.Heal();
        }
        finally
        {
            _networkLock.Release();
        }
    }

    private async Task ClockJumpAsync(FaultStep step, CancellationToken cancellationToken)
    {
        if (_clock is null)
        {
            return;
        }

        if (step.WhileRecordsWait)
        {
            await ClockJumpWhileRecordsWaitAsync(step, cancellationToken);
            return;
        }

        await JumpClockAsync(step, cancellationToken);
    }

    private async Task ClockJumpWhileRecordsWaitAsync(FaultStep step, CancellationToken cancellationToken)
    {
        await _networkLock.WaitAsync(cancellationToken);
        try
        {
            _proxy.BlackHole();
            Interlocked.Increment(ref _counts.BlackHoles);
            Say($"network black-holed for a clock step back while records wait ({step.Duration.TotalSeconds:0.0} s, then SIGKILL)");
            await Task.Delay(step.Duration, cancellationToken);
            await JumpClockAsync(step, cancellationToken);
            await RestartAsync(kill: true, TimeSpan.FromMilliseconds(200), crashedInstance: null, cancellationToken);
            _proxy.Heal();
        }
        finally
        {
            _networkLock.Release();
        }
    }

    // libfaketime's own granularity and the status JSON's rounding, beyond the command's duration.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);

    // libfaketime re-reads its offset file when its cache (FAKETIME_CACHE_DURATION=1) has expired, counted in whole
    // seconds: a step can take up to about two seconds to show, more on a loaded machine. A step that has not shown
    // after this long is a failure.
    private static readonly TimeSpan ClockStepDeadline = TimeSpan.FromSeconds(10);

    private async Task JumpClockAsync(FaultStep step, CancellationToken cancellationToken)
    {
        var before = _clock!.Offset;
        _clock.SetOffset(step.ClockOffset);
        Interlocked.Increment(ref _counts.ClockJumps);
        // The gateway's own "now" (status --json) must show the step.
        var (shown, seen) = await GatewayClockShowsAsync(step.ClockOffset, cancellationToken);
        if (shown)
        {
            Interlocked.Increment(ref _counts.ClockJumpsSeen);
        }

        Say($"gateway clock {ClockControl.Format(before)} → {ClockControl.Format(step.ClockOffset)} " +
            (shown ? "(its status shows it)" : $"(NOT shown within {ClockStepDeadline.TotalSeconds:0} s: its status says {(seen is { } s ? ClockControl.Format(s.Low) + " to " + ClockControl.Format(s.High) : "nothing")})"));
    }

    /// <summary>
    /// Asks the running gateway for its clock (<c>status --json</c> over its socket) until its offset from the real
    /// clock matches <paramref name="expected"/> or <see cref="ClockStepDeadline"/> has passed; returns whether it did
    /// and the last bounds seen.
    /// </summary>
    private async Task<(bool Shown, (TimeSpan Low, TimeSpan High)? Seen)> GatewayClockShowsAsync(TimeSpan expected, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + ClockStepDeadline;
        (TimeSpan Low, TimeSpan High)? seen = null;
        do
        {
            await Task.Delay(500, cancellationToken); // libfaketime's cache, or a gateway restarting
            if (await GatewayClockAsync(cancellationToken) is { } offset)
            {
                seen = offset;
                if (expected >= offset.Low - ClockTolerance && expected <= offset.High + ClockTolerance)
                {
                    return (true, seen);
                }
            }
        }
        while (DateTimeOffset.UtcNow < deadline);

        return (false, seen);
    }

    /// <summary>Bounds on the running gateway's clock minus the real clock, from one <c>status --json</c>, or null.</summary>
    private async Task<(TimeSpan Low, TimeSpan High)?> GatewayClockAsync(CancellationToken cancellationToken)
    {
        var asked = DateTimeOffset.UtcNow;
        var (code, output, _) = await _gateway.RunCommandAsync(["status", "--json", "--socket", Path.Combine(_work, "entryexit-edge.sock")], cancellationToken);
        var answered = DateTimeOffset.UtcNow;
        if (code != 0)
        {
            return null;
        }

        using var status = System.Text.Json.JsonDocument.Parse(output);
        var now = status.RootElement.GetProperty("now").GetDateTimeOffset();
        // The gateway read its clock somewhere between the two (on a loaded machine the CLI starts slowly): its
        // offset lies between these bounds, and a slow command is not taken for a missed step.
        return (now - answered, now - asked);
    }

    private async Task HealAllAsync(CancellationToken cancellationToken)
    {
        _proxy.Heal();
        _disk.Free();
        await _brokerLock.WaitAsync(cancellationToken);
        try
        {
            if (!_broker.IsRunning)
            {
                await _broker.StartAsync(cancellationToken);
            }
        }
        finally
        {
            _brokerLock.Release();
        }
    }

    /// <summary>Waits until every lane has sent everything (rescans too), every session has ended and nothing waits for a rescan.</summary>
    private async Task SettleTrafficAsync(CancellationToken cancellationToken)
    {
        var grace = SentSession.Ticks(_options.FinaliseGrace + QuietAfterRefusal);
        while (true)
        {
            ThrowIfFatal();
            var now = Stopwatch.GetTimestamp();
            var quiet = now - Interlocked.Read(ref _lastRefusalAt) > SentSession.Ticks(QuietAfterRefusal);
            if (_floor.Remaining == 0 && !_floor.HasDeferred && quiet && !_restarting && _gateway.IsRunning && _floor.LastSessionEnd + grace <= now)
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task FlushDeferredLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(250, cancellationToken);
            var quiet = Stopwatch.GetTimestamp() - Interlocked.Read(ref _lastRefusalAt) > SentSession.Ticks(QuietAfterRefusal);
            if (_floor.HasDeferred && quiet && !_disk.IsFull && !_restarting && _gateway.IsRunning)
            {
                Interlocked.Add(ref _rescansAfterRefusal, _floor.FlushDeferred());
            }
        }
    }
}
