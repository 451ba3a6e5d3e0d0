using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>A pass-through <see cref="IDeliveryQueue"/> that counts what the pump asks for and gets (diagnostic).</summary>
internal sealed class CountingQueue(IDeliveryQueue inner) : IDeliveryQueue
{
    private long _reads;
    private long _rowsAsked;
    private long _rowsReturned;
    private long _marked;

    public long Reads => Interlocked.Read(ref _reads);

    public long RowsAsked => Interlocked.Read(ref _rowsAsked);

    public long RowsReturned => Interlocked.Read(ref _rowsReturned);

    public long Marked => Interlocked.Read(ref _marked);

    public async Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        var rows = await inner.ReadDueAsync(max, cancellationToken);
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _rowsAsked, max);
        Interlocked.Add(ref _rowsReturned, rows.Count);
        return rows;
    }

    public async Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await inner.MarkDeliveredAsync(ids, cancellationToken);
        Interlocked.Add(ref _marked, ids.Count);
    }

    public Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken) => inner.MarkDeadLetterAsync(id, reason, cancellationToken);

    public Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        inner.ScheduleRetryAsync(id, error, notBefore, cancellationToken);
}
