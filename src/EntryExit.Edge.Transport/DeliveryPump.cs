using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Transport;

/// <summary>
/// Moves records from the outbox to the broker: oldest first, at most min(InFlightWindow, broker Receive Maximum)
/// unacknowledged publishes, each with its own PUBACK timeout; a record is marked delivered only after its PUBACK.
/// While the link is down it waits for the supervisor instead of burning attempts.
/// </summary>
public sealed partial class DeliveryPump
{
    private const int FreshLaneCapacity = 1024;

    // Acknowledged records not yet marked delivered are sent again after a crash; past this many the pump waits
    // for the marks to catch up rather than widen that window.
    private const int MaxUnmarked = 4096;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    // A mark waits MarkGatherTime for more acknowledgements unless this many are already waiting. Acknowledged but
    // unmarked records are the ones a crash sends again; this widens that window by at most 10 ms of traffic.
    private const int MarkGatherCount = 512;

    private readonly IDeliveryQueue _queue;
    private readonly MqttConnectionSupervisor _link;
    private readonly MqttLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TransportMetrics _metrics;
    private readonly FreshLane _fresh = new(FreshLaneCapacity);
    private readonly AsyncSignal _wake = new();
    private readonly AsyncSignal _acknowledgedSignal = new();
    private readonly AsyncSignal _noneAwaitingPubAck = new();
    private int _awaitingPubAck; // publishes sent (or being sent) whose PUBACK, timeout or failure has not come
    private readonly Queue<QueuedMessage> _readAhead = new(); // leased to us, not yet sent; the pump loop's alone
    private Task<IReadOnlyList<QueuedMessage>>? _nextReadAhead; // the next window, read while this one is sent
    private readonly RecentIds _delivered = new(4096); // marked delivered lately: a stale read-ahead copy is dropped
    private readonly PubAckDeadlines _deadlines;
    private readonly HashSet<Guid> _chosen = []; // this round's picks; the pump loop's alone
    private volatile bool _markingFails;
    private readonly ConcurrentDictionary<Guid, byte> _inFlight = new();
    private readonly ConcurrentQueue<Guid> _acknowledged = new();

    /// <summary>Creates the pump; <see cref="RunAsync"/> starts it.</summary>
    public DeliveryPump(IDeliveryQueue queue, MqttConnectionSupervisor link, MqttLinkOptions options, TimeProvider time, ILogger<DeliveryPump> logger, TransportMetrics metrics)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _deadlines = new PubAckDeadlines(time, options.PubAckTimeout);
        _link.StateChanged += (_, _) => _wake.Set();
    }

    /// <summary>How long a mark waits for more acknowledgements while publishes still await theirs (tests lengthen it).</summary>
    internal TimeSpan MarkGatherTime { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Waits the PUBACK deadline sweeper has armed (tests on a fake clock move it only once it waits).</summary>
    internal int DeadlineWaitsArmed => _deadlines.WaitsArmed;

    /// <summary>Publishes sent and not yet settled (acknowledged-but-unmarked included).</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>
    /// The host calls this right after a record is committed to the outbox: the record gets a reserved share
    /// of every round, so it is not stuck behind a backlog. Losing the offer loses nothing (the outbox has it).
    /// </summary>
    public void OfferFresh(QueuedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _fresh.Offer(message);
        _wake.Set();
    }

    /// <summary>Wakes the pump early (for example after records were added without an offer).</summary>
    public void Wake() => _wake.Set();

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Marks run beside the publishes: a durable mark costs an fsync, and a pump that waited for it would let
        // its window run dry (measured: the drain ran at two thirds of the transport's own rate).
        var marking = MarkLoopAsync(cancellationToken);
        var deadlines = _deadlines.RunAsync(cancellationToken);
        // The loops wait on signals without timers (once per record adds up): a ticker makes time-driven work
        // (retries coming due) happen, and the stop token wakes them to end.
        var ticking = TickAsync(cancellationToken);
        using var wakeOnStop = cancellationToken.Register(() =>
        {
            _wake.Set();
            _acknowledgedSignal.Set();
        });
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _link.WaitUntilConnectedAsync(cancellationToken);
                var window = Math.Min(_options.InFlightWindow, _link.BrokerReceiveMaximum ?? ushort.MaxValue);
                await RunWhileConnectedAsync(window, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop; anything unacknowledged stays in the outbox.
        }
        finally
        {
            await Task.WhenAll(marking, deadlines, ticking);
            await TryFlushAcknowledgedAsync(CancellationToken.None);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(IdlePoll, _time, cancellationToken);
                _wake.Set();
                _acknowledgedSignal.Set();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task MarkLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _acknowledgedSignal.WaitAsync();
                // Let acknowledgements gather: each mark rewrites whole pages and syncs them, so a mark per few dozen
                // records during a drain cost more CPU than the records (measured: 50 ids per mark drained at
                // 16,000-22,000/s, 600 ids per mark at 24,500/s). Real time, not _time: it paces the disk, not the
                // protocol. Once no publish awaits its PUBACK (a backlog's last window, a lone fresh record, a pause
                // between rounds) the mark goes at once. The counter is checked again after every wake: a signal left
                // from an earlier moment ends one wait early, not the gather.
                var gathering = Stopwatch.StartNew();
                while (_acknowledged.Count < MarkGatherCount && Volatile.Read(ref _awaitingPubAck) > 0 && !_markingFails
                    && gathering.Elapsed < MarkGatherTime)
                {
                    await _noneAwaitingPubAck.WaitAsync(MarkGatherTime - gathering.Elapsed, TimeProvider.System, cancellationToken);
                }

                var pumpWaits = _markingFails || _acknowledged.Count >= MaxUnmarked;
                _markingFails = !await TryFlushAcknowledgedAsync(cancellationToken);
                if (pumpWaits && !_markingFails)
                {
                    _wake.Set();
                }

                if (_markingFails)
                {
                    await Task.Delay(IdlePoll, _time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The final flush in RunAsync records what was acknowledged.
        }
    }

    private async Task RunWhileConnectedAsync(int window, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(window, window);
        var running = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested && _link.State == LinkState.Connected)
            {
                running.RemoveAll(t => t.IsCompleted);
                if (_markingFails || _acknowledged.Count >= MaxUnmarked)
                {
                    // The outbox cannot record deliveries (disk, lock) or lags far behind: send no more until it can.
                    await _wake.WaitAsync();
                    continue;
                }

                // Refill as soon as a slot frees (measured: waiting for a chunk of free slots drained slower).
                var free = slots.CurrentCount;
                var batch = free == 0 ? [] : await NextBatchAsync(free, window, cancellationToken);
                if (batch.Count == 0)
                {
                    // Window full or nothing due: a completion, an offer, a state change or the ticker wakes us.
                    await _wake.WaitAsync();
                    // Then go to the back of the thread pool's queue: the other acknowledgements of the same burst
                    // (each completes on its own work item) free their slots first, and the round sends them all in
                    // one write. Refilling on the first one sent a write per one or two records (measured: the drain
                    // rose from 60,000 to 76,000 records/s, with less CPU per record for the gateway and the broker).
                    await Task.Yield();
                    continue;
                }

                List<Guid>? unsent = null;
                var held = _link.Writes.Begin();
                try
                {
                    foreach (var message in batch)
                    {
                        if (_link.State != LinkState.Connected || !slots.Wait(0, CancellationToken.None))
                        {
                            _inFlight.TryRemove(message.RecordId, out _);
                            (unsent ??= []).Add(message.RecordId);
                            continue;
                        }

                        running.Add(PublishOneAsync(message, slots, cancellationToken));
                    }
                }
                finally
                {
                    await WriteHold.EndAsync(held);
                }

                if (unsent is not null)
                {
                    _queue.Release(unsent);
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TransportLog.PumpFault(_logger, ex.GetType().Name + ": " + ex.Message, IdlePoll);
            await Task.Delay(IdlePoll, _time, cancellationToken);
        }
        finally
        {
            // Publishes end by PUBACK, timeout or disconnect; what they acknowledged is marked by the mark loop.
            await HandBackReadAheadAsync();
            await Task.WhenAll(running);
            _acknowledgedSignal.Set();
        }
    }

    private async Task<List<QueuedMessage>> NextBatchAsync(int free, int window, CancellationToken cancellationToken)
    {
        // A quarter of each round (at least one slot) goes to fresh records, the rest to the oldest due.
        var batch = new List<QueuedMessage>(free);
        _fresh.TakeInto(batch, Math.Max(1, free / 4), _inFlight.ContainsKey);
        var chosen = _chosen;
        chosen.Clear();
        foreach (var message in batch)
        {
            chosen.Add(message.RecordId);
        }

        if (_queue.LeasesReadMessages)
        {
            await TakeBacklogAheadAsync(batch, chosen, free, window, cancellationToken);
        }
        else
        {
            await TakeBacklogAsync(batch, chosen, free, cancellationToken);
        }

        if (batch.Count < free)
        {
            _fresh.TakeInto(batch, free, id => _inFlight.ContainsKey(id) || chosen.Contains(id));
        }

        _fresh.Settle(chosen);
        foreach (var message in batch)
        {
            _inFlight.TryAdd(message.RecordId, 0);
        }

        return batch;
    }

    // A leasing queue hands a record to nobody else until it is settled or released, so the pump reads a window's
    // worth ahead (one query and one decrypt pass per many sends, not per freed slot) and keeps the rest here. The
    // next window is read on another thread while this one is sent: a read inline stalls the refills for its
    // duration (measured: about a tenth more records per second without the stall).
    private async Task TakeBacklogAheadAsync(List<QueuedMessage> batch, HashSet<Guid> chosen, int free, int window, CancellationToken cancellationToken)
    {
        if (_nextReadAhead is { } next && (next.IsCompleted || _readAhead.Count < free))
        {
            _nextReadAhead = null;
            EnqueueReadAhead(await next);
        }

        if (_readAhead.Count < free)
        {
            EnqueueReadAhead(await _queue.ReadDueAsync(Math.Max(free, window), cancellationToken));
        }

        List<Guid>? handBack = null;
        while (batch.Count < free && _readAhead.TryDequeue(out var message))
        {
            if (_inFlight.ContainsKey(message.RecordId) || _delivered.Contains(message.RecordId) || !chosen.Add(message.RecordId))
            {
                // Sent, or being sent, through the fresh lane: hand the lease back; if still pending it is read again.
                (handBack ??= []).Add(message.RecordId);
                continue;
            }

            batch.Add(message);
        }

        if (handBack is not null)
        {
            _queue.Release(handBack);
        }

        if (_nextReadAhead is null && _readAhead.Count < window && batch.Count == free)
        {
            // Only while the backlog fills every free slot: a short take says the outbox has little more due.
            _nextReadAhead = Task.Run(() => _queue.ReadDueAsync(window, cancellationToken), cancellationToken);
        }
    }

    private void EnqueueReadAhead(IReadOnlyList<QueuedMessage> messages)
    {
        foreach (var message in messages)
        {
            _readAhead.Enqueue(message);
        }
    }

    private async Task TakeBacklogAsync(List<QueuedMessage> batch, HashSet<Guid> chosen, int free, CancellationToken cancellationToken)
    {
        // A queue that does not lease returns what is in flight again: ask for that many more and skip our own.
        foreach (var message in await _queue.ReadDueAsync(free + _inFlight.Count, cancellationToken))
        {
            if (batch.Count < free && !_inFlight.ContainsKey(message.RecordId) && chosen.Add(message.RecordId))
            {
                batch.Add(message);
            }
        }
    }

    private async Task HandBackReadAheadAsync()
    {
        if (_nextReadAhead is { } next)
        {
            _nextReadAhead = null;
            try
            {
                EnqueueReadAhead(await next);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Stopping, or the read failed: it leased nothing to us.
            }
        }

        if (_readAhead.Count > 0)
        {
            _queue.Release(_readAhead.Select(m => m.RecordId).ToList());
            _readAhead.Clear();
        }
    }

    private async Task<bool> TryFlushAcknowledgedAsync(CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        while (_acknowledged.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            return true;
        }

        try
        {
            await _queue.MarkDeliveredAsync(ids, cancellationToken);
        }
        catch (Exception ex)
        {
            // Keep them acknowledged-but-unmarked; the next flush (or, when stopping, the final one) tries again.
            // Marking twice is harmless: a delivered record is not marked again.
            ids.ForEach(_acknowledged.Enqueue);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            TransportLog.PumpFault(_logger, "marking delivered failed: " + ex.GetType().Name + ": " + ex.Message, IdlePoll);
            return false;
        }

        _metrics.Sent(ids.Count);
        _fresh.Settle(ids);
        foreach (var id in ids)
        {
            _delivered.Add(id);
            _inFlight.TryRemove(id, out _);
            TransportLog.Delivered(_logger, id);
        }

        return true;
    }
}
