using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Storage.Security;
using EntryExit.Edge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Storage;

/// <summary>
/// The durable store-and-forward outbox: one SQLite file (WAL, synchronous=FULL), a single group-commit writer,
/// bodies sealed with AES-256-GCM. Thread-safe. SQLite has no async I/O: the async methods block a pool thread
/// for the duration of their (short) statement.
/// </summary>
public sealed class SqliteOutbox : IAsyncDisposable
{
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteOutbox> _logger;
    private readonly OutboxKeyring _keyring;
    private readonly GroupCommitWriter _writer;
    private readonly SqliteConnection _reader;
    private readonly SemaphoreSlim _readLock = new(1, 1);
    private readonly InFlightLeases _leases = new();
    private readonly OutboxAlarmBoard _alarms;
    private readonly DeliveredBodySweeper<DeliveredBody> _bodies;

    private SqliteOutbox(OutboxOptions options, TimeProvider time, ILogger<SqliteOutbox> logger, OutboxKeyring keyring,
        SqliteConnection writeConnection, SqliteConnection reader, OutboxAlarm? openingAlarm)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _keyring = keyring;
        _reader = reader;
        _alarms = new OutboxAlarmBoard(time, alarm => AlarmRaised?.Invoke(this, alarm));
        if (openingAlarm is not null)
        {
            _alarms.AddSilently(openingAlarm);
        }

        _writer = new GroupCommitWriter(writeConnection, options.MaxBatchSize, WriteBatch, FailBatch);
        _bodies = new DeliveredBodySweeper<DeliveredBody>(time,
            (bodies, ct) => _writer.WriteAsync((c, t) => OutboxCommands.DeleteDeliveredBodies(c, t, bodies), ct),
            ex => OutboxLog.BodyDeleteFailed(_logger, ex.GetType().Name));
    }

    /// <summary>Raised (on the thread that detected it) for every new alarm. Alarms raised while opening are only in <see cref="Alarms"/>.</summary>
    public event EventHandler<OutboxAlarm>? AlarmRaised;

    /// <summary>Every alarm raised since the outbox was opened, oldest first.</summary>
    public IReadOnlyList<OutboxAlarm> Alarms => _alarms.Snapshot();

    /// <summary>Committed append transactions since open (several appends share one): for tests and metrics.</summary>
    internal long AppendTransactions => _writer.AppendTransactions;

    /// <summary>
    /// Opens (or creates) the outbox: loads and checks the key, runs <c>PRAGMA quick_check</c> (a damaged file is
    /// moved aside with its -wal/-shm, an alarm is raised and a fresh outbox starts), migrates the schema and
    /// refuses a key that cannot open the stored rows.
    /// </summary>
    /// <exception cref="OutboxException">A key or database fault a technician must fix; see its <see cref="OutboxException.Code"/>.</exception>
    public static Task<SqliteOutbox> OpenAsync(OutboxOptions options, TimeProvider time, ILogger<SqliteOutbox> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        cancellationToken.ThrowIfCancellationRequested();
        var keyring = OutboxKeyLoader.LoadKeyring(options);
        var path = Path.GetFullPath(options.Path);
        OutboxAlarm? alarm = null;
        SqliteConnection? writer = null;
        SqliteConnection? reader = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (OutboxDatabase.FindDamage(path) is { } damage)
            {
                var movedTo = OutboxDatabase.MoveAside(path, time.GetUtcNow());
                OutboxLog.CorruptMovedAside(logger, path, damage, movedTo);
                alarm = new OutboxAlarm(OutboxErrorCodes.CorruptMovedAside,
                    $"The outbox failed its integrity check ({damage}) and was moved aside to '{movedTo}' (kept for " +
                    "forensics; records in it were not forwarded). A fresh outbox started.", time.GetUtcNow());
            }

            CreateOwnerOnly(path);
            writer = OutboxDatabase.Open(path, mustExist: false);
            OutboxSchema.Migrate(writer);
            // Before the key check: a body a crash left on a delivered record must not need its (retired) key.
            OutboxCommands.DeleteAllDeliveredBodies(writer);
            OutboxQueries.EnsureKeysKnown(writer, keyring);
            reader = OutboxDatabase.Open(path, mustExist: true);
            var outbox = new SqliteOutbox(options, time, logger, keyring, writer, reader, alarm);
            var held = OutboxQueries.BodyCount(reader, null);
            OutboxLog.Opened(logger, path, OutboxSchema.CurrentVersion, held, keyring.CurrentKeyId);
            return Task.FromResult(outbox);
        }
        catch (Exception ex) when (ex is not OutboxException)
        {
            writer?.Dispose();
            reader?.Dispose();
            keyring.Dispose();
            throw new OutboxException(OutboxErrorCodes.DatabaseUnavailable,
                $"The outbox database '{path}' cannot be opened ({ex.GetType().Name}: {ex.Message}). " +
                "Check the state directory exists, is writable by the service user and has free space.", ex);
        }
        catch
        {
            writer?.Dispose();
            reader?.Dispose();
            keyring.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Seals and stores a record. Returns only once the record is durable (its group-commit transaction is synced),
    /// or with Duplicate (same id, or the same document within the dedupe window) or Rejected (full; see the code).
    /// The token is honoured until the record is queued; a queued append always completes.
    /// </summary>
    public Task<AppendResult> AppendAsync(EntryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var idBytes = OutboxCommands.IdBytes(record.RecordId);
        var json = EntryRecordJson.Serialize(record);
        var sealedBody = _keyring.Seal(json, idBytes);
        Array.Clear(json);
        var hash = _keyring.DedupeHash(record.IssuingCountry, record.DocumentNumber, record.DateOfBirth);
        return _writer.EnqueueAsync(new PendingAppend(record.RecordId, hash, _keyring.CurrentKeyId, sealedBody), cancellationToken);
    }

    /// <summary>
    /// True when records handed out by <see cref="ReadDueAsync"/> are leased (not handed out again until settled,
    /// released or the lease runs out); false when <see cref="OutboxOptions.InFlightLease"/> is zero.
    /// </summary>
    public bool LeasesReadRecords => _options.InFlightLease > TimeSpan.Zero;

    /// <summary>
    /// Pending records due now (next-attempt time reached), oldest first, decrypted; at most <paramref name="max"/>.
    /// Records handed out are in flight (in memory only) until marked or retried, or until the lease runs out.
    /// A body that cannot be decrypted is dead-lettered with <see cref="OutboxErrorCodes.BodyUnreadable"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // Leases live in memory only, so they run on the monotonic clock: a wall-clock step neither ends them early
        // (a second concurrent copy) nor stretches them by hours.
        var tick = (long)(_time.GetTimestamp() * 1000.0 / _time.TimestampFrequency);
        var leaseMs = (long)_options.InFlightLease.TotalMilliseconds;
        var rows = await ReadAsync(c =>
        {
            // Leased under the read lock, so two concurrent readers never get the same record.
            var from = _leases.BeginScan(tick, leaseMs);
            var (due, lastSeq) = OutboxQueries.ReadDue(c, now, from, max, _leases.Count, _leases.Contains);
            due.ForEach(row => _leases.Lease(row.RecordId, row.Sequence, tick + leaseMs));
            _leases.EndScan(from, lastSeq);
            return due;
        }, cancellationToken);

        var items = new List<OutboxItem>(rows.Count);
        foreach (var row in rows)
        {
            if (_keyring.TryOpen(row.KeyId, row.Sealed, OutboxCommands.IdBytes(row.RecordId), out var payload))
            {
                items.Add(new OutboxItem(row.RecordId, row.Sequence, payload, row.Attempts, OutboxQueries.Time(row.CreatedAtMs)));
            }
            else
            {
                OutboxLog.BodyUnreadable(_logger, row.RecordId, row.KeyId);
                await MarkDeadLetterAsync(row.RecordId, OutboxErrorCodes.BodyUnreadable, cancellationToken);
            }
        }

        return items;
    }

    /// <summary>
    /// Marks records delivered; the audit stub stays. Their sealed bodies (all personal data) are deleted in a batch
    /// once marks pause for a second, at most 30 s later, at maintenance and on close (after a crash, at the next open).
    /// </summary>
    public async Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // A leased record's sequence number came with its row and never changes: the mark finds it by rowid.
        var seqs = new List<long>(ids.Count);
        var bodies = new List<DeliveredBody>(ids.Count);
        List<Guid>? unleased = null;
        foreach (var id in ids)
        {
            if (_leases.TryGetSeq(id, out var seq))
            {
                seqs.Add(seq);
                bodies.Add(new DeliveredBody(id, seq));
            }
            else
            {
                (unleased ??= []).Add(id);
                bodies.Add(new DeliveredBody(id, 0));
            }
        }

        await _writer.WriteAsync((c, t) => OutboxCommands.MarkDelivered(c, t, seqs, (IReadOnlyCollection<Guid>?)unleased ?? [], NowMs()), cancellationToken);
        // On failure they stay leased, and the caller tries again.
        _bodies.Add(bodies);
        await EndLeasesAfterCommitAsync(ids, stillPending: false);
    }

    /// <summary>Delivered records whose bodies wait for their batch to be deleted (tests, status).</summary>
    internal int DeliveredBodiesWaiting => _bodies.Waiting;

    /// <summary>Gives up on a pending record after a permanent error; the reason must hold no personal data.</summary>
    public async Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        OutboxLog.DeadLettered(_logger, id);
        try
        {
            await _writer.WriteAsync((c, t) => OutboxCommands.MarkDeadLetter(c, t, id, reason, NowMs()), cancellationToken);
        }
        catch
        {
            await EndLeasesAfterCommitAsync([id], stillPending: true);
            throw;
        }

        await EndLeasesAfterCommitAsync([id], stillPending: false);
    }

    /// <summary>Counts a failed attempt, keeps the error (no personal data) and makes the record due again at <paramref name="notBefore"/>.</summary>
    public async Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            await _writer.WriteAsync(
                (c, t) => OutboxCommands.ScheduleRetry(c, t, id, error, notBefore.ToUnixTimeMilliseconds(), NowMs()), cancellationToken);
        }
        finally
        {
            // Committed or not, the record is due again (at once if the retry could not be recorded).
            await EndLeasesAfterCommitAsync([id], stillPending: true);
        }
    }

    /// <summary>Makes one dead-letter or expired record pending and due now; returns 1, or 0 if there was none.</summary>
    public Task<int> RequeueAsync(Guid id, CancellationToken cancellationToken) =>
        _writer.WriteAsync((c, t) => OutboxCommands.Requeue(c, t, id, NowMs()), cancellationToken);

    /// <summary>Makes every dead-letter record pending and due now; returns how many.</summary>
    public Task<int> RequeueDeadLettersAsync(CancellationToken cancellationToken) =>
        _writer.WriteAsync((c, t) => OutboxCommands.Requeue(c, t, null, NowMs()), cancellationToken);

    /// <summary>Deletes delivered audit stubs, or expired records with their bodies; returns how many rows.</summary>
    public Task<int> PurgeAsync(PurgeTarget target, CancellationToken cancellationToken) =>
        _writer.WriteAsync((c, t) => OutboxCommands.Purge(c, t, target), cancellationToken);

    /// <summary>Counts by state, age of the oldest pending record and file sizes.</summary>
    public Task<OutboxStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => OutboxQueries.Status(c, c.DataSource, _time.GetUtcNow()), cancellationToken);

    /// <summary>Rows without bodies for inspection, oldest first, optionally of one state.</summary>
    public Task<IReadOnlyList<OutboxListEntry>> ListAsync(OutboxState? state, int max, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<OutboxListEntry>>(c => OutboxQueries.List(c, state, max), cancellationToken);

    /// <summary>
    /// Periodic upkeep: pending records past <see cref="OutboxOptions.MaxPendingAge"/> become expired (alarm),
    /// delivered stubs past <see cref="OutboxOptions.DeliveredRetention"/> are deleted, and free pages go back to
    /// the file system (WAL checkpoint, then incremental vacuum).
    /// </summary>
    public async Task<MaintenanceReport> RunMaintenanceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _bodies.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The rest of the upkeep still runs; the sweeper tries the bodies again.
            OutboxLog.BodyDeleteFailed(_logger, ex.GetType().Name);
        }

        var now = NowMs();
        var expired = await _writer.WriteAsync(
            (c, t) => OutboxCommands.Expire(c, t, now - (long)_options.MaxPendingAge.TotalMilliseconds, now), cancellationToken);
        if (expired > 0)
        {
            OutboxLog.Expired(_logger, expired, _options.MaxPendingAge);
            _alarms.Raise(OutboxErrorCodes.Expired, $"{expired} records stayed pending longer than {_options.MaxPendingAge.TotalDays:0.#} days " +
                "and were moved to the expired state (kept, not sent). Check the exchange link, then 'outbox list --state expired'.");
        }

        var removed = await _writer.WriteAsync(
            (c, t) => OutboxCommands.RemoveStubs(c, t, now - (long)_options.DeliveredRetention.TotalMilliseconds), cancellationToken);
        var reclaimed = await _writer.UseAsync(connection =>
        {
            OutboxSchema.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            var before = OutboxQueries.FreePages(connection);
            OutboxSchema.Execute(connection, "PRAGMA incremental_vacuum;");
            var reclaimed = before - OutboxQueries.FreePages(connection);
            OutboxSchema.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);"); // the file shrinks only at checkpoint
            return reclaimed;
        }, cancellationToken);
        OutboxLog.Maintenance(_logger, expired, removed, reclaimed);
        return new MaintenanceReport(expired, removed, reclaimed);
    }

    /// <summary>Stops the writer after the queued appends are committed, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _bodies.DisposeAsync(); // deletes the bodies still waiting
            await _writer.DisposeAsync();
        }
        finally
        {
            _reader.Dispose();
            _readLock.Dispose();
            _keyring.Dispose();
        }
    }

    /// <summary>Sets SQLite's page quota on the write connection (tests simulate a full disk with it).</summary>
    internal Task SetMaxPageCountAsync(long pages, CancellationToken cancellationToken) =>
        _writer.UseAsync(c => OutboxSchema.Scalar(c, $"PRAGMA max_page_count = {pages}"), cancellationToken);

    /// <summary>Holds the single writer until disposed, so appends queue up (tests prove grouping with it).</summary>
    internal Task<IDisposable> PauseWriterAsync(CancellationToken cancellationToken) => _writer.PauseAsync(cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> query, CancellationToken cancellationToken)
    {
        await _readLock.WaitAsync(cancellationToken);
        try
        {
            return query(_reader);
        }
        finally
        {
            _readLock.Release();
        }
    }

    private AppendResult[] WriteBatch(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<PendingAppend> batch)
    {
        var results = AppendBatch.Write(connection, transaction, batch, NowMs(), _options, deliveredBodiesWait: _bodies.Waiting > 0);
        if (results.FirstOrDefault(r => r.Outcome == AppendOutcome.Rejected) is { } refused)
        {
            OutboxLog.Rejected(_logger, refused.ErrorCode!, refused.Message!);
            _alarms.Refusing(refused.ErrorCode!, refused.Message!);
        }
        else if (results.Any(r => r.Outcome == AppendOutcome.Stored) && _alarms.Accepting() is { } code)
        {
            OutboxLog.Recovered(_logger, code);
        }

        return results;
    }

    private AppendResult[] FailBatch(IReadOnlyList<PendingAppend> batch, Exception exception)
    {
        var results = AppendBatch.Failed(batch, exception);
        OutboxLog.WriteFailed(_logger, exception, batch.Count, (exception as SqliteException)?.SqliteErrorCode ?? -1);
        _alarms.Refusing(results[0].ErrorCode!, results[0].Message!);
        return results;
    }

    /// <summary>Hands back records read with <see cref="ReadDueAsync"/> but not sent: they are due again at once
    /// instead of after <see cref="OutboxOptions.InFlightLease"/>.</summary>
    public void Release(IEnumerable<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            _leases.Release(id);
        }
    }

    // A lease ends only after its record's change is committed, and never while a read is under way: a scan that
    // began before the commit still sees the record pending in its snapshot, and would hand it out again once the
    // lease was gone (found by the drain benchmark: a record sent twice when marks ran beside reads).
    private async Task EndLeasesAfterCommitAsync(IReadOnlyCollection<Guid> ids, bool stillPending)
    {
        await _readLock.WaitAsync(CancellationToken.None);
        try
        {
            if (stillPending)
            {
                Release(ids);
            }
            else
            {
                foreach (var id in ids)
                {
                    _leases.Settle(id);
                }
            }
        }
        finally
        {
            _readLock.Release();
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // The stub columns are clear text (no personal data, but operational detail): the file, and the -wal/-shm files
    // SQLite creates with the same mode, are for the service user alone.
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        using var _ = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }
}
