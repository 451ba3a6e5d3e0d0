using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>
/// State changes on the outbox tables, each run inside the caller's write transaction. Shared by the
/// gateway's <see cref="SqliteOutbox"/> and the technician's <see cref="OutboxInspector"/>.
/// </summary>
internal static class OutboxCommands
{
    private const int MaxErrorLength = 500;

    /// <summary>Pending, dead-letter or expired becomes delivered; its body goes in a later batch (<see cref="DeleteDeliveredBodies"/>).</summary>
    /// <remarks>One statement per batch, not one per record: the keys travel as one JSON array (a mark carries hundreds
    /// of ids while a backlog drains, and each statement costs more than its row work). Records whose sequence number
    /// is known (the outbox leased them) are found by rowid; the rest through the record-id index, which costs a
    /// second B-tree search per record and hex ids to format and parse.</remarks>
    public static int MarkDelivered(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> seqs, IReadOnlyCollection<Guid> ids, long nowMs)
    {
        var marked = 0;
        if (seqs.Count > 0)
        {
            using var bySeq = Command(connection, transaction,
                "UPDATE records SET state = 1, updated_at = $now WHERE seq IN (SELECT value FROM json_each($seqs)) AND state <> 1");
            bySeq.Parameters.AddWithValue("$seqs", SeqArray(seqs));
            bySeq.Parameters.AddWithValue("$now", nowMs);
            marked += bySeq.ExecuteNonQuery();
        }

        if (ids.Count > 0)
        {
            using var byId = Command(connection, transaction,
                "UPDATE records SET state = 1, updated_at = $now WHERE record_id IN (SELECT unhex(value) FROM json_each($ids)) AND state <> 1");
            byId.Parameters.AddWithValue("$ids", HexIdArray(ids));
            byId.Parameters.AddWithValue("$now", nowMs);
            marked += byId.ExecuteNonQuery();
        }

        return marked;
    }

    /// <summary>
    /// Deletes the bodies of these records if they are delivered (a pending or dead-letter body stays). Records whose
    /// sequence number the mark knew are found by rowid, as the mark found them; the rest through the record-id index
    /// (measured: by id, a sweep of 100,000 bodies during a long drain halved its rate).
    /// </summary>
    public static int DeleteDeliveredBodies(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DeliveredBody> bodies)
    {
        var deleted = 0;
        var seqs = bodies.Where(b => b.Sequence > 0).Select(b => b.Sequence).ToList();
        if (seqs.Count > 0)
        {
            using var bySeq = Command(connection, transaction,
                "DELETE FROM bodies WHERE seq IN (SELECT r.seq FROM records r WHERE r.seq IN (SELECT value FROM json_each($seqs)) AND r.state = 1)");
            bySeq.Parameters.AddWithValue("$seqs", SeqArray(seqs));
            deleted += bySeq.ExecuteNonQuery();
        }

        var ids = bodies.Where(b => b.Sequence <= 0).Select(b => b.RecordId).ToList();
        if (ids.Count > 0)
        {
            using var byId = Command(connection, transaction,
                "DELETE FROM bodies WHERE seq IN (SELECT seq FROM records WHERE record_id IN (SELECT unhex(value) FROM json_each($ids)) AND state = 1)");
            byId.Parameters.AddWithValue("$ids", HexIdArray(ids));
            deleted += byId.ExecuteNonQuery();
        }

        return deleted;
    }

    /// <summary>Deletes every body a delivered record still has (left by a crash before its batch was deleted).</summary>
    public static int DeleteAllDeliveredBodies(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        // Walks the bodies (pending ones, few) and looks each record up by rowid, not the delivered stubs (days of them):
        // it runs at every open.
        using var delete = Command(connection, transaction, "DELETE FROM bodies WHERE (SELECT state FROM records r WHERE r.seq = bodies.seq) = 1");
        return delete.ExecuteNonQuery();
    }

    /// <summary>A pending record becomes dead-letter with a reason; its body stays for a later requeue.</summary>
    public static int MarkDeadLetter(SqliteConnection connection, SqliteTransaction transaction, Guid id, string reason, long nowMs)
    {
        using var command = Command(connection, transaction,
            "UPDATE records SET state = 2, last_error = $reason, updated_at = $now WHERE record_id = $id AND state = 0");
        command.Parameters.AddWithValue("$reason", Truncate(reason));
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$id", IdBytes(id));
        return command.ExecuteNonQuery();
    }

    /// <summary>Counts a failed attempt on a pending record and makes it due again at <paramref name="notBeforeMs"/>.</summary>
    public static int ScheduleRetry(SqliteConnection connection, SqliteTransaction transaction, Guid id, string error, long notBeforeMs, long nowMs)
    {
        using var command = Command(connection, transaction,
            "UPDATE records SET attempts = attempts + 1, last_error = $error, next_attempt_at = $due, updated_at = $now " +
            "WHERE record_id = $id AND state = 0");
        command.Parameters.AddWithValue("$error", Truncate(error));
        command.Parameters.AddWithValue("$due", notBeforeMs);
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$id", IdBytes(id));
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Dead-letter or expired records (one, or with a null id every dead letter) become pending and due now.
    /// The age clock restarts so a requeued expired record is not expired again at once.
    /// </summary>
    public static int Requeue(SqliteConnection connection, SqliteTransaction transaction, Guid? id, long nowMs)
    {
        using var command = Command(connection, transaction, id is null
            ? "UPDATE records SET state = 0, next_attempt_at = $now, pending_since = $now, updated_at = $now WHERE state = 2"
            : "UPDATE records SET state = 0, next_attempt_at = $now, pending_since = $now, updated_at = $now " +
              "WHERE record_id = $id AND state IN (2, 3)");
        command.Parameters.AddWithValue("$now", nowMs);
        if (id is { } one)
        {
            command.Parameters.AddWithValue("$id", IdBytes(one));
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>Deletes delivered stubs, or expired records with their bodies.</summary>
    public static int Purge(SqliteConnection connection, SqliteTransaction transaction, PurgeTarget target)
    {
        var state = target == PurgeTarget.Delivered ? 1 : 3;
        using var bodies = Command(connection, transaction, "DELETE FROM bodies WHERE seq IN (SELECT seq FROM records WHERE state = $state)");
        bodies.Parameters.AddWithValue("$state", state);
        bodies.ExecuteNonQuery();
        using var records = Command(connection, transaction, "DELETE FROM records WHERE state = $state");
        records.Parameters.AddWithValue("$state", state);
        return records.ExecuteNonQuery();
    }

    /// <summary>Pending records whose age clock started before <paramref name="cutoffMs"/> become expired.</summary>
    public static int Expire(SqliteConnection connection, SqliteTransaction transaction, long cutoffMs, long nowMs)
    {
        using var command = Command(connection, transaction,
            "UPDATE records SET state = 3, updated_at = $now WHERE state = 0 AND pending_since < $cutoff");
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$cutoff", cutoffMs);
        return command.ExecuteNonQuery();
    }

    /// <summary>Deletes delivered audit stubs older than <paramref name="cutoffMs"/>, oldest first (contiguous pages).</summary>
    public static int RemoveStubs(SqliteConnection connection, SqliteTransaction transaction, long cutoffMs)
    {
        // A body still waiting for its batch goes with its stub, never left without one.
        using var bodies = Command(connection, transaction, "DELETE FROM bodies WHERE seq IN (SELECT seq FROM records WHERE state = 1 AND updated_at < $cutoff)");
        bodies.Parameters.AddWithValue("$cutoff", cutoffMs);
        bodies.ExecuteNonQuery();
        using var command = Command(connection, transaction, "DELETE FROM records WHERE state = 1 AND updated_at < $cutoff");
        command.Parameters.AddWithValue("$cutoff", cutoffMs);
        return command.ExecuteNonQuery();
    }

    /// <summary>The 16-byte big-endian form of a UUID, so byte order matches UUIDv7 time order.</summary>
    public static byte[] IdBytes(Guid id) => id.ToByteArray(bigEndian: true);

    /// <summary>Sequence numbers as a JSON array, for <c>value FROM json_each(...)</c>.</summary>
    internal static string SeqArray(IEnumerable<long> seqs) => "[" + string.Join(',', seqs) + "]";

    /// <summary>Ids as a JSON array of their <see cref="IdBytes"/> in hex, for <c>unhex(value) FROM json_each(...)</c>.</summary>
    internal static string HexIdArray(IEnumerable<Guid> ids)
    {
        var json = new System.Text.StringBuilder("[");
        Span<byte> bytes = stackalloc byte[16];
        foreach (var id in ids)
        {
            id.TryWriteBytes(bytes, bigEndian: true, out _);
            json.Append(json.Length == 1 ? "\"" : ",\"").Append(Convert.ToHexString(bytes)).Append('"');
        }

        return json.Append(']').ToString();
    }

    /// <summary>The inverse of <see cref="IdBytes"/>.</summary>
    public static Guid IdFrom(byte[] bytes) => new(bytes, bigEndian: true);

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
