using System.Diagnostics;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>A pass-through <see cref="IDeliveryQueue"/> that counts what the pump asks for and gets (diagnostic).</summary>
internal sealed class CountingQueue(IDeliveryQueue inner) : IDeliveryQueue
{
    private long _reads;
    private long _rowsAsked;
    private long _rowsReturned;
    private long _marked;
    private long _readTicks;
    private long _markTicks;
    private long _marks;

    public long Reads => Interlocked.Read(ref _reads);

    public long RowsAsked => Interlocked.Read(ref _rowsAsked);

    public long RowsReturned => Interlocked.Read(ref _rowsReturned);

    public long Marked => Interlocked.Read(ref _marked);

    /// <summary>Mark calls (one per flush of acknowledged records).</summary>
    public long Marks => Interlocked.Read(ref _marks);

    /// <summary>Wall time spent inside ReadDueAsync (the pump awaits it on its loop).</summary>
    public TimeSpan ReadTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks));

    /// <summary>Wall time spent inside MarkDeliveredAsync.</summary>
    public TimeSpan MarkTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _markTicks));

    public bool LeasesReadMessages => inner.LeasesReadMessages;

    public void Release(IReadOnlyCollection<Guid> ids) => inner.Release(ids);

    public async Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = await inner.ReadDueAsync(max, cancellationToken);
        Interlocked.Add(ref _readTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _rowsAsked, max);
        Interlocked.Add(ref _rowsReturned, rows.Count);
        return rows;
    }

    public async Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.MarkDeliveredAsync(ids, cancellationToken);
        Interlocked.Add(ref _markTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _marks);
        Interlocked.Add(ref _marked, ids.Count);
    }

    public Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken) => inner.MarkDeadLetterAsync(id, reason, cancellationToken);

    public Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        inner.ScheduleRetryAsync(id, error, notBefore, cancellationToken);
}
