using System.Collections.Concurrent;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// An in-memory <see cref="IDeliveryQueue"/> holding ready payloads: the pump and MQTT link with no storage behind
/// them, so the drain's transport cost can be told apart from the outbox's (diagnostic).
/// </summary>
internal sealed class MemoryQueue(IReadOnlyList<byte[]> payloads) : IDeliveryQueue
{
    private readonly ConcurrentQueue<QueuedMessage> _due = new(payloads.Select(p => new QueuedMessage(Guid.CreateVersion7(), p, 0, DateTimeOffset.UtcNow)));

    public bool LeasesReadMessages => true;

    public Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        var batch = new List<QueuedMessage>(max);
        while (batch.Count < max && _due.TryDequeue(out var message))
        {
            batch.Add(message);
        }

        return Task.FromResult<IReadOnlyList<QueuedMessage>>(batch);
    }

    public void Release(IReadOnlyCollection<Guid> ids) => throw new InvalidOperationException("the pump released records it read; the measurement would be wrong");

    public Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken) => throw new InvalidOperationException("dead letter: " + reason);

    public Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken) => throw new InvalidOperationException("retry: " + error);
}
