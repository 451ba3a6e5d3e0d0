using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>Writes one group-commit batch inside its transaction: duplicate checks, caps, inserts.</summary>
internal static class AppendBatch
{
    /// <summary>Rough bytes a row adds beyond its sealed body (stub row, index entries).</summary>
    private const int RowOverhead = 160;

    public static AppendResult[] Write(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<PendingAppend> batch, long nowMs, OutboxOptions options, bool deliveredBodiesWait)
    {
        var usedBytes = OutboxQueries.UsedBytes(connection, transaction);
        var bodies = OutboxQueries.BodyCount(connection, transaction);

        using var findId = OutboxCommands.Command(connection, transaction, "SELECT 1 FROM records WHERE record_id = $id");
        var findIdParameter = findId.Parameters.Add("$id", SqliteType.Blob);
        using var findDuplicate = OutboxCommands.Command(connection, transaction,
            "SELECT record_id FROM records WHERE dedupe_hash = $hash AND created_at >= $since ORDER BY seq LIMIT 1");
        var hashParameter = findDuplicate.Parameters.Add("$hash", SqliteType.Blob);
        findDuplicate.Parameters.AddWithValue("$since", nowMs - (long)options.DedupeWindow.TotalMilliseconds);
        using var insertRecord = OutboxCommands.Command(connection, transaction,
            "INSERT INTO records (record_id, state, created_at, pending_since, updated_at, next_attempt_at, dedupe_hash) " +
            "VALUES ($id, 0, $now, $now, $now, $now, $hash) RETURNING seq");
        var recordIdParameter = insertRecord.Parameters.Add("$id", SqliteType.Blob);
        var recordHashParameter = insertRecord.Parameters.Add("$hash", SqliteType.Blob);
        insertRecord.Parameters.AddWithValue("$now", nowMs);
        using var insertBody = OutboxCommands.Command(connection, transaction,
            "INSERT INTO bodies (seq, key_id, sealed) VALUES ($seq, $key, $sealed)");
        var seqParameter = insertBody.Parameters.Add("$seq", SqliteType.Integer);
        var keyParameter = insertBody.Parameters.Add("$key", SqliteType.Text);
        var sealedParameter = insertBody.Parameters.Add("$sealed", SqliteType.Blob);

        var results = new AppendResult[batch.Count];
        var sweptDelivered = !deliveredBodiesWait; // nothing to sweep: do not walk every stub for each refused batch
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            var idBytes = OutboxCommands.IdBytes(item.RecordId);
            findIdParameter.Value = idBytes;
            if (findId.ExecuteScalar() is not null)
            {
                results[i] = new AppendResult(AppendOutcome.Duplicate, item.RecordId);
                continue;
            }

            hashParameter.Value = item.DedupeHash;
            if (findDuplicate.ExecuteScalar() is byte[] earlier)
            {
                results[i] = new AppendResult(AppendOutcome.Duplicate, OutboxCommands.IdFrom(earlier));
                continue;
            }

            var size = item.SealedBody.Length + RowOverhead;
            if ((bodies >= options.MaxRecords || usedBytes + size > options.MaxBytes) && !sweptDelivered)
            {
                // Delivered records' bodies may still wait for their batch: they never make the outbox full.
                sweptDelivered = true;
                if (OutboxCommands.DeleteAllDeliveredBodies(connection, transaction) > 0)
                {
                    usedBytes = OutboxQueries.UsedBytes(connection, transaction);
                    bodies = OutboxQueries.BodyCount(connection, transaction);
                }
            }

            if (bodies >= options.MaxRecords || usedBytes + size > options.MaxBytes)
            {
                results[i] = Full(item.RecordId, options, bodies, usedBytes);
                continue;
            }

            recordIdParameter.Value = idBytes;
            recordHashParameter.Value = item.DedupeHash;
            seqParameter.Value = (long)insertRecord.ExecuteScalar()!;
            keyParameter.Value = item.KeyId;
            sealedParameter.Value = item.SealedBody;
            insertBody.ExecuteNonQuery();
            bodies++;
            usedBytes += size;
            results[i] = new AppendResult(AppendOutcome.Stored, item.RecordId);
        }

        return results;
    }

    /// <summary>One refusal per append when the batch's transaction failed (and was rolled back).</summary>
    public static AppendResult[] Failed(IReadOnlyList<PendingAppend> batch, Exception exception)
    {
        var (code, message) = exception is SqliteException sqlite && OutboxDatabase.IsFull(sqlite)
            ? (OutboxErrorCodes.DiskFull, "The gateway's disk is full. The record was NOT stored: record this traveller " +
                "manually. Technician: free space on the state volume; the outbox resumes by itself.")
            : (OutboxErrorCodes.WriteFailed, "The outbox could not write the record (storage fault). The record was NOT " +
                "stored: record this traveller manually. Technician: check the gateway's logs and storage.");
        return [.. batch.Select(a => new AppendResult(AppendOutcome.Rejected, a.RecordId, code, message))];
    }

    private static AppendResult Full(Guid id, OutboxOptions options, long bodies, long usedBytes) =>
        new(AppendOutcome.Rejected, id, OutboxErrorCodes.Full,
            $"The outbox is full ({bodies} of {options.MaxRecords} records, {usedBytes / 1024} of {options.MaxBytes / 1024} KiB). " +
            "The record was NOT stored: record this traveller manually. Technician: check the exchange link, " +
            "then 'outbox status' and 'outbox purge --expired'.");
}
