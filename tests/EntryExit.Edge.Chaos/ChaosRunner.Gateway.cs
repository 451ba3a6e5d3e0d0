using System.Diagnostics;
using EntryExit.Edge.Chaos.Booth;
using EntryExit.Edge.Chaos.Gateway;
using EntryExit.Edge.Chaos.Report;

namespace EntryExit.Edge.Chaos;

/// <summary>The gateway's life in a run: start, readiness, SIGKILL and restart, crashes, and what its log says.</summary>
internal sealed partial class ChaosRunner
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RefusalWindow = TimeSpan.FromSeconds(3);

    /// <summary>Starts the gateway and waits until every reader has opened its pty; a start that fails is retried
    /// after <see cref="RestartPause"/>, as systemd's Restart=on-failure would.</summary>
    private async Task StartGatewayAsync(CancellationToken cancellationToken)
    {
        _starting = true;
        try
        {
            await StartUntilReadyAsync(cancellationToken);
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task StartUntilReadyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            _gateway.Start();
            var instance = _gateway.Instance;
            var deadline = Stopwatch.GetTimestamp() + SentSession.Ticks(ReadyTimeout);
            while (_readersConnected.GetValueOrDefault(instance) < _options.Lanes && _gateway.IsRunning && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }

            if (_readersConnected.GetValueOrDefault(instance) >= _options.Lanes)
            {
                return;
            }

            if (_gateway.IsRunning)
            {
                throw new InvalidOperationException($"gateway {instance} did not open its {_options.Lanes} readers within {ReadyTimeout.TotalSeconds:0} s (see gateway-{instance}.log)");
            }

            await _gateway.WaitForExitAsync();
            if (_gateway.LastExitCode == 2)
            {
                // Exit 2: the configuration is wrong; systemd does not restart that, and neither do we.
                throw new InvalidOperationException($"gateway {instance} refused its configuration (exit 2; see gateway-{instance}.log)");
            }

            Interlocked.Increment(ref _failedStarts);
            Say($"gateway {instance} exited while starting (see gateway-{instance}.log); starting again");
            if (attempt >= 120)
            {
                throw new InvalidOperationException("the gateway does not start (120 attempts)");
            }

            await Task.Delay(RestartPause, cancellationToken);
        }
    }

    /// <summary>
    /// SIGKILL (or, after a crash, nothing to kill), then a new process. The lanes are halted first, so the booth sends
    /// nothing into a dead gateway; what the dead process had not finalised is rescanned by the new one.
    /// </summary>
    private async Task RestartAsync(bool kill, TimeSpan pause, int? crashedInstance, CancellationToken cancellationToken)
    {
        await _restartLock.WaitAsync(cancellationToken);
        _restarting = true;
        try
        {
            if (crashedInstance is { } crashed && (crashed != _gateway.Instance || _gateway.IsRunning))
            {
                return; // already restarted by a kill in between
            }

            using (await _floor.HaltAsync(cancellationToken))
            {
                var at = Stopwatch.GetTimestamp();
                if (kill)
                {
                    await _gateway.KillAsync();
                    Interlocked.Increment(ref _counts.Kills);
                }

                var rescans = _floor.RescanUnfinalised(at);
                _floor.ReplugAll();
                await Task.Delay(pause, cancellationToken);
                await StartGatewayAsync(cancellationToken);
                Say($"{(kill ? "SIGKILL" : "crash")} → gateway {_gateway.Instance} ready; {rescans} unfinalised visits to rescan");
            }
        }
        finally
        {
            _restarting = false;
            _restartLock.Release();
        }
    }

    private void OnUnexpectedExit(int instance, int exitCode)
    {
        _unexpectedExits.Enqueue((instance, exitCode));
        Say($"gateway {instance} EXITED by itself with code {exitCode} (see gateway-{instance}.log)");
        if (!_restarting && !_starting)
        {
            // As systemd would: start it again (during the drain too, so what the outbox holds can still be delivered).
            _ = Task.Run(async () =>
            {
                try
                {
                    await RestartAsync(kill: false, RestartPause, instance, CancellationToken.None);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException)
                {
                    _fatal = e;
                }
            });
        }
    }

    private void OnGatewayEvent(GatewayEvent e)
    {
        switch (e.EventId)
        {
            case GatewayEvent.ReaderConnected:
                _readersConnected.AddOrUpdate(e.Instance, 1, (_, n) => n + 1);
                break;
            case GatewayEvent.Stored when e.AsStored() is { } stored:
                if (stored.Duplicate)
                {
                    Interlocked.Increment(ref _duplicateScans);
                }
                else
                {
                    _stored.TryAdd(stored.RecordId, new StoredEvent(stored.RecordId, stored.Lane, e.Instance));
                }

                break;
            case GatewayEvent.Rejected when e.AsRejected() is { } refused:
                Interlocked.Increment(ref _refusals);
                Interlocked.Exchange(ref _lastRefusalAt, e.At);
                // The booth shows the refusal: the officer scans that traveller again once the outbox takes records.
                _floor.Defer(refused.Lane, e.At - SentSession.Ticks(RefusalWindow), e.At);
                break;
            case GatewayEvent.OutboxMovedAside:
                _movedAside.Enqueue(e.Message);
                break;
        }

        if (e.Level is "fail" or "crit")
        {
            _errorsByEvent.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
            _firstErrorText.TryAdd(e.EventId, e.Message);
        }
    }
}
