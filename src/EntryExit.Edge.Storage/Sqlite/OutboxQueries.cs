using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>Read-only queries over the outbox tables.</summary>
internal static class OutboxQueries
{
    /// <summary>A due row as stored: still sealed.</summary>
    internal sealed record SealedRow(Guid RecordId, long Sequence, int Attempts, long CreatedAtMs, string KeyId, byte[] Sealed);

    /// <summary>
    /// Pending rows due at <paramref name="nowMs"/> with a sequence number above <paramref name="afterSeq"/>, oldest
    /// first, at most <paramref name="max"/>, passing over those <paramref name="skip"/> names (in flight, at most
    /// <paramref name="skipCount"/>). Also returns the last sequence number the scan went past. A row last written
    /// "after" now was written before the wall clock stepped back (NTP, a technician's <c>date</c>): its due time is on
    /// the old clock and could lie hours ahead, so it is due at once rather than stuck until the clock catches up.
    /// </summary>
    public static (List<SealedRow> Rows, long LastSeq) ReadDue(SqliteConnection connection, long nowMs, long afterSeq, int max, int skipCount, Func<Guid, bool> skip)
    {
        using var command = OutboxCommands.Command(connection, null,
            "SELECT r.seq, r.record_id, r.attempts, r.created_at, b.key_id, b.sealed FROM records r " +
            "JOIN bodies b ON b.seq = r.seq WHERE r.state = 0 AND r.seq > $after AND (r.next_attempt_at <= $now OR r.updated_at > $now) " +
            "ORDER BY r.seq LIMIT $limit");
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", max + skipCount);
        using var reader = command.ExecuteReader();
        var rows = new List<SealedRow>(max);
        var lastSeq = afterSeq;
        while (rows.Count < max && reader.Read())
        {
            lastSeq = reader.GetInt64(0);
            var id = OutboxCommands.IdFrom((byte[])reader[1]);
            if (!skip(id))
            {
                rows.Add(new SealedRow(id, lastSeq, reader.GetInt32(2), reader.GetInt64(3), reader.GetString(4), (byte[])reader[5]));
            }
        }

        return (rows, lastSeq);
    }

    /// <summary>Rows for the technician, oldest first, optionally of one state.</summary>
    public static List<OutboxListEntry> List(SqliteConnection connection, OutboxState? state, int max)
    {
        using var command = OutboxCommands.Command(connection, null,
            "SELECT record_id, seq, state, created_at, updated_at, next_attempt_at, attempts, last_error FROM records " +
            (state is null ? "" : "WHERE state = $state ") + "ORDER BY seq LIMIT $limit");
        if (state is { } wanted)
        {
            command.Parameters.AddWithValue("$state", (int)wanted);
        }

        command.Parameters.AddWithValue("$limit", max);
        using var reader = command.ExecuteReader();
        var entries = new List<OutboxListEntry>();
        while (reader.Read())
        {
            entries.Add(new OutboxListEntry(
                OutboxCommands.IdFrom((byte[])reader[0]), reader.GetInt64(1), (OutboxState)reader.GetInt32(2),
                Time(reader.GetInt64(3)), Time(reader.GetInt64(4)), Time(reader.GetInt64(5)), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }

    /// <summary>Counts by state, oldest pending age and file sizes.</summary>
    public static OutboxStatus Status(SqliteConnection connection, string path, DateTimeOffset now)
    {
        var counts = new long[4];
        using (var command = OutboxCommands.Command(connection, null, "SELECT state, count(*) FROM records GROUP BY state"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var state = reader.GetInt32(0);
                if (state is >= 0 and < 4)
                {
                    counts[state] = reader.GetInt64(1);
                }
            }
        }

        var oldest = OutboxSchema.Scalar(connection, "SELECT min(created_at) FROM records WHERE state = 0");
        TimeSpan? age = oldest is long ms ? now - Time(ms) : null;
        var (file, wal) = OutboxDatabase.Sizes(path);
        return new OutboxStatus(counts[0], counts[2], counts[3], counts[1], age, file, wal);
    }

    /// <summary>Key ids that still seal at least one body.</summary>
    public static List<(string KeyId, long Bodies)> KeysInUse(SqliteConnection connection)
    {
        using var command = OutboxCommands.Command(connection, null, "SELECT key_id, bodies FROM body_counts WHERE bodies > 0");
        using var reader = command.ExecuteReader();
        var keys = new List<(string, long)>();
        while (reader.Read())
        {
            keys.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return keys;
    }

    /// <summary>Refuses a keyring that cannot open every stored body: a wrong key must never look like an empty outbox.</summary>
    public static void EnsureKeysKnown(SqliteConnection connection, Security.OutboxKeyring keyring)
    {
        var unknown = KeysInUse(connection).Where(k => !keyring.Knows(k.KeyId)).ToList();
        if (unknown.Count > 0)
        {
            throw new OutboxException(OutboxErrorCodes.KeyMismatch,
                $"The outbox holds {unknown.Sum(k => k.Bodies)} sealed records under key id(s) " +
                $"{string.Join(", ", unknown.Select(k => k.KeyId))}, but the configured key (id {keyring.CurrentKeyId}) cannot " +
                "open them. Configure the original key file (or list it under PreviousKeyFiles). Do not delete the outbox.");
        }
    }

    /// <summary>Bodies held (pending, dead-letter, expired): what the record cap counts.</summary>
    public static long BodyCount(SqliteConnection connection, SqliteTransaction? transaction) =>
        Convert.ToInt64(OutboxSchema.Scalar(connection, "SELECT coalesce(sum(bodies), 0) FROM body_counts", transaction),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bytes in use inside the file (pages minus free pages).</summary>
    public static long UsedBytes(SqliteConnection connection, SqliteTransaction? transaction)
    {
        long Pragma(string name) => Convert.ToInt64(OutboxSchema.Scalar(connection, $"PRAGMA {name}", transaction),
            System.Globalization.CultureInfo.InvariantCulture);
        return (Pragma("page_count") - Pragma("freelist_count")) * Pragma("page_size");
    }

    /// <summary>Free pages inside the file.</summary>
    public static long FreePages(SqliteConnection connection) =>
        Convert.ToInt64(OutboxSchema.Scalar(connection, "PRAGMA freelist_count"), System.Globalization.CultureInfo.InvariantCulture);

    internal static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
