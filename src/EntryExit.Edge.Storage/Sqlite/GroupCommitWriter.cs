using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>
/// The single writer. Appends queue in a channel; one loop drains everything queued into one transaction, so
/// concurrent appends share one commit and one fsync, and each append completes only after its commit.
/// Other writes run one at a time on the same connection under the same lock.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SqliteConnection, SqliteTransaction, IReadOnlyList<PendingAppend>, AppendResult[]> _writeBatch;
    private readonly Func<IReadOnlyList<PendingAppend>, Exception, AppendResult[]> _onFailure;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private long _appendTransactions;

    /// <param name="connection">The one write connection; owned by this writer from now on.</param>
    /// <param name="maxBatch">Most appends per transaction.</param>
    /// <param name="writeBatch">Writes a batch inside the given transaction and returns one result per append.</param>
    /// <param name="onFailure">Turns a failed commit into one result per append (the transaction is rolled back).</param>
    public GroupCommitWriter(SqliteConnection connection, int maxBatch,
        Func<SqliteConnection, SqliteTransaction, IReadOnlyList<PendingAppend>, AppendResult[]> writeBatch,
        Func<IReadOnlyList<PendingAppend>, Exception, AppendResult[]> onFailure)
    {
        _connection = connection;
        _maxBatch = Math.Max(1, maxBatch);
        _writeBatch = writeBatch;
        _onFailure = onFailure;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Committed append transactions so far: lets tests prove that appends were grouped.</summary>
    public long AppendTransactions => Interlocked.Read(ref _appendTransactions);

    /// <summary>Queues an append; the task completes once it is durable or refused. The token counts only until queued.</summary>
    public Task<AppendResult> EnqueueAsync(PendingAppend append, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<AppendResult>(cancellationToken)
        : _queue.Writer.TryWrite(append)
            ? append.Completion.Task
            : Task.FromResult(new AppendResult(AppendOutcome.Rejected, append.RecordId, OutboxErrorCodes.Closed, "The outbox is closed."));

    /// <summary>Runs <paramref name="work"/> in its own write transaction, after any batch in progress.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _connection.BeginTransaction();
            var result = work(_connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the write connection outside a transaction (checkpoint, vacuum).</summary>
    public async Task<T> UseAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return work(_connection);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Holds the writer until the returned handle is disposed (tests use it to make appends queue up).</summary>
    internal async Task<IDisposable> PauseAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        return new Releaser(_lock);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _lock.WaitAsync();
        _connection.Dispose();
        _lock.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            await _lock.WaitAsync();
            try
            {
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var append))
                {
                    batch.Add(append);
                }

                if (batch.Count > 0)
                {
                    Complete(batch, Commit(batch));
                }
            }
            finally
            {
                _lock.Release();
                batch.Clear();
            }
        }
    }

    private AppendResult[] Commit(List<PendingAppend> batch)
    {
        try
        {
            using var transaction = _connection.BeginTransaction();
            var results = _writeBatch(_connection, transaction, batch);
            transaction.Commit();
            Interlocked.Increment(ref _appendTransactions);
            return results;
        }
#pragma warning disable CA1031 // The loop must outlive any write fault; each caller gets a result with a code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return _onFailure(batch, ex);
        }
    }

    private static void Complete(List<PendingAppend> batch, AppendResult[] results)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
