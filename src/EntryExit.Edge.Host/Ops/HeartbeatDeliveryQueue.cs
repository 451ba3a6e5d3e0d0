using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Ops;

/// <summary>The outbox as the delivery pump sees it, leaving a heartbeat on every call (the pump's proof of life).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A decorator of IDeliveryQueue, named like it.")]
public sealed class HeartbeatDeliveryQueue(IDeliveryQueue inner, PipelineHeartbeats heartbeats) : IDeliveryQueue
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        heartbeats.PumpActivity();
        var due = await inner.ReadDueAsync(max, cancellationToken);
        heartbeats.PumpActivity();
        return due;
    }

    /// <inheritdoc/>
    public bool LeasesReadMessages => inner.LeasesReadMessages;

    /// <inheritdoc/>
    public void Release(IReadOnlyCollection<Guid> ids) => inner.Release(ids);

    /// <inheritdoc/>
    public async Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        heartbeats.PumpActivity();
        await inner.MarkDeliveredAsync(ids, cancellationToken);
        heartbeats.DeliveredRecords(ids.Count);
        heartbeats.PumpActivity();
    }

    /// <inheritdoc/>
    public async Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        heartbeats.PumpActivity();
        await inner.MarkDeadLetterAsync(id, reason, cancellationToken);
        heartbeats.PumpActivity();
    }

    /// <inheritdoc/>
    public async Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        heartbeats.PumpActivity();
        await inner.ScheduleRetryAsync(id, error, notBefore, cancellationToken);
        heartbeats.PumpActivity();
    }
}
