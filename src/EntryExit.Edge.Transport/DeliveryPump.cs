using System.Collections.Concurrent;
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
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private readonly IDeliveryQueue _queue;
    private readonly MqttConnectionSupervisor _link;
    private readonly MqttLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TransportMetrics _metrics;
    private readonly FreshLane _fresh = new(FreshLaneCapacity);
    private readonly AsyncSignal _wake = new();
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
        _link.StateChanged += (_, _) => _wake.Set();
    }

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
                if (!await TryFlushAcknowledgedAsync(cancellationToken))
                {
                    await Task.Delay(IdlePoll, _time, cancellationToken);
                    continue;
                }

                // Refill as soon as a slot frees (measured: waiting for a chunk of free slots drained slower).
                var free = slots.CurrentCount;
                var batch = free == 0 ? [] : await NextBatchAsync(free, cancellationToken);
                if (batch.Count == 0)
                {
                    // Window full or nothing due: a completion, an offer, a state change or the poll wakes us.
                    await _wake.WaitAsync(IdlePoll, _time, cancellationToken);
                    continue;
                }

                List<Guid>? unsent = null;
                foreach (var message in batch)
                {
                    if (_link.State != LinkState.Connected || !await slots.WaitAsync(0, cancellationToken))
                    {
                        _inFlight.TryRemove(message.RecordId, out _);
                        (unsent ??= []).Add(message.RecordId);
                        continue;
                    }

                    running.Add(PublishOneAsync(message, slots, cancellationToken));
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
            // Publishes end by PUBACK, timeout or disconnect; then record what was acknowledged even when stopping.
            await Task.WhenAll(running);
            await TryFlushAcknowledgedAsync(CancellationToken.None);
        }
    }

    private async Task<List<QueuedMessage>> NextBatchAsync(int free, CancellationToken cancellationToken)
    {
        // A quarter of each round (at least one slot) goes to fresh records, the rest to the oldest due.
        var batch = _fresh.Take(Math.Max(1, free / 4), _inFlight.ContainsKey);
        // A leasing queue never returns what is in flight, so reading `free` is enough; otherwise skip our own.
        var backlog = await _queue.ReadDueAsync(_queue.LeasesReadMessages ? free : free + _inFlight.Count, cancellationToken);
        var chosen = new HashSet<Guid>(batch.Select(m => m.RecordId));
        List<Guid>? notTaken = null;
        foreach (var message in backlog)
        {
            if (batch.Count < free && !_inFlight.ContainsKey(message.RecordId) && chosen.Add(message.RecordId))
            {
                batch.Add(message);
            }
            else if (!_inFlight.ContainsKey(message.RecordId) && !chosen.Contains(message.RecordId))
            {
                (notTaken ??= []).Add(message.RecordId);
            }
        }

        if (notTaken is not null)
        {
            // Read but not taken this round (the fresh lane filled it): hand them back rather than strand them.
            _queue.Release(notTaken);
        }

        if (batch.Count < free)
        {
            batch.AddRange(_fresh.Take(free - batch.Count, id => _inFlight.ContainsKey(id) || chosen.Contains(id)));
        }

        _fresh.Settle(chosen);
        foreach (var message in batch)
        {
            _inFlight.TryAdd(message.RecordId, 0);
        }

        return batch;
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
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Keep them acknowledged-but-unmarked; the next flush tries again.
            ids.ForEach(_acknowledged.Enqueue);
            TransportLog.PumpFault(_logger, "marking delivered failed: " + ex.GetType().Name + ": " + ex.Message, IdlePoll);
            return false;
        }

        _metrics.Sent(ids.Count);
        _fresh.Settle(ids);
        foreach (var id in ids)
        {
            _inFlight.TryRemove(id, out _);
            TransportLog.Delivered(_logger, id);
        }

        return true;
    }
}
