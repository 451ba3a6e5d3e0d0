using EntryExit.Edge.Storage;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>The outbox seen through the delivery pump's eyes. Storage and Transport never meet except here.</summary>
public sealed class OutboxDeliveryAdapter(SqliteOutbox outbox) : IDeliveryQueue
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        var items = await outbox.ReadDueAsync(max, cancellationToken);
        var messages = new QueuedMessage[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            messages[i] = new QueuedMessage(item.RecordId, item.Payload, item.Attempts, item.CreatedAt);
        }

        return messages;
    }

    /// <inheritdoc/>
    public bool LeasesReadMessages => outbox.LeasesReadRecords;

    /// <inheritdoc/>
    public void Release(IReadOnlyCollection<Guid> ids) => outbox.Release(ids);

    /// <inheritdoc/>
    public Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        outbox.MarkDeliveredAsync(ids, cancellationToken);

    /// <inheritdoc/>
    public Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        outbox.MarkDeadLetterAsync(id, reason, cancellationToken);

    /// <inheritdoc/>
    public Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        outbox.ScheduleRetryAsync(id, error, notBefore, cancellationToken);
}
