namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>The sweeper's timings and sizes (<see cref="DeliveredBodySweeper{TKey}"/>).</summary>
internal static class DeliveredBodySweeper
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Due at once when this many wait (a long drain never pauses): bounds the memory the ids take.</summary>
    public const int MaxWaiting = 100_000;

    /// <summary>Ids per transaction, so appends and marks wait for the writer only briefly (about 30 ms a chunk).</summary>
    public const int ChunkSize = 4096;
}

/// <summary>
/// Deletes the sealed bodies of delivered records in batches, once marks have paused for a second (a backlog has
/// drained) and never later than 30 s after the first waiting delivery (or at once when 100,000 wait). Deleting a body
/// rewrites its B-tree pages, about half of a mark's cost: done per mark, it took CPU from the drain itself (measured:
/// 21,000-25,000 records/s with it, 27,000-28,000 without; docs/benchmarks.md). The keys (<typeparamref name="TKey"/>:
/// what the delete needs to find a record) wait in memory only: after a crash, opening the outbox deletes every
/// delivered record's body that is left.
/// </summary>
internal sealed class DeliveredBodySweeper<TKey> : IAsyncDisposable
{
    private static readonly TimeSpan Quiet = DeliveredBodySweeper.Quiet;
    private static readonly TimeSpan MaxDelay = DeliveredBodySweeper.MaxDelay;
    private const int MaxWaiting = DeliveredBodySweeper.MaxWaiting;
    private const int ChunkSize = DeliveredBodySweeper.ChunkSize;

    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task> _delete;
    private readonly Action<Exception> _failed;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wanted = new(0, 1);
    private readonly SemaphoreSlim _deleting = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private List<TKey> _waiting = [];
    private long _firstAt;
    private long _lastAt;
    private bool _disposed;

    public DeliveredBodySweeper(TimeProvider time, Func<IReadOnlyList<TKey>, CancellationToken, Task> delete, Action<Exception> failed)
    {
        _time = time;
        _delete = delete;
        _failed = failed;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Delivered records whose bodies are still stored.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Records just marked delivered (committed): their bodies go in the next batch.</summary>
    public void Add(IReadOnlyCollection<TKey> ids)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return; // a mark that committed after close: the next open deletes its bodies
            }

            _lastAt = _time.GetTimestamp();
            if (_waiting.Count == 0)
            {
                _firstAt = _lastAt;
            }

            _waiting.AddRange(ids);
        }

        Signal();
    }

    /// <summary>Deletes every waiting body now (maintenance, closing).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _deleting.WaitAsync(cancellationToken);
        try
        {
            List<TKey> batch;
            lock (_gate)
            {
                (batch, _waiting) = (_waiting, []);
            }

            if (batch.Count == 0)
            {
                return;
            }

            for (var done = 0; done < batch.Count; done += ChunkSize)
            {
                try
                {
                    await _delete(batch.GetRange(done, Math.Min(ChunkSize, batch.Count - done)), cancellationToken);
                }
                catch
                {
                    lock (_gate)
                    {
                        _firstAt = _waiting.Count == 0 ? _time.GetTimestamp() : _firstAt;
                        _waiting.AddRange(batch.Skip(done));
                    }

                    throw;
                }
            }
        }
        finally
        {
            _deleting.Release();
        }
    }

    /// <summary>Stops the loop and deletes what waits (a failure is reported; the next open deletes them).</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        await _stop.CancelAsync();
        await _loop; // never faults: the loop reports its errors
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _failed(ex);
        }

        _stop.Dispose();
        _wanted.Dispose();
        _deleting.Dispose();
    }

    private void Signal()
    {
        if (_wanted.CurrentCount == 0)
        {
            try
            {
                _wanted.Release();
            }
            catch (SemaphoreFullException)
            {
                // Signalled already.
            }
        }
    }

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        var failing = false;
        try
        {
            while (true)
            {
                await _wanted.WaitAsync(stop);
                while (DueIn() is { } wait && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stop);
                }

                try
                {
                    await FlushAsync(stop);
                    failing = false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // Disk full or locked: the ids wait for the next try; the bodies stay sealed meanwhile. Reported
                    // once per episode, not at every retry. When closing, DisposeAsync tries once more.
                    if (!failing)
                    {
                        _failed(ex);
                    }

                    failing = true;
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    await Task.Delay(Quiet, _time, stop);
                    Signal();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Closing: the outbox flushes what waits.
        }
    }

    // Null when nothing waits; otherwise how long until the batch is due (quiet, or the oldest has waited long enough).
    private TimeSpan? DueIn()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                return null;
            }

            if (_waiting.Count >= MaxWaiting)
            {
                return TimeSpan.Zero;
            }

            var quietLeft = Quiet - _time.GetElapsedTime(_lastAt);
            var oldestLeft = MaxDelay - _time.GetElapsedTime(_firstAt);
            return quietLeft < oldestLeft ? quietLeft : oldestLeft;
        }
    }
}
