using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>
/// The schema, versioned through <c>PRAGMA user_version</c>. Clear columns hold no personal data: ids, times,
/// states, counters, transport errors and a keyed hash. The EntryRecord lives only sealed, in <c>bodies</c>,
/// apart from the stubs so that delivered bodies free whole pages for incremental vacuum.
/// </summary>
internal static class OutboxSchema
{
    /// <summary>The version this code writes. Migrations run from the file's version up to this one.</summary>
    public const int CurrentVersion = 1;

    private static readonly string[] Migrations =
    [
        // v1
        """
        CREATE TABLE records (
            seq             INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id       BLOB    NOT NULL UNIQUE,
            state           INTEGER NOT NULL,
            created_at      INTEGER NOT NULL,
            pending_since   INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            last_error      TEXT    NULL,
            dedupe_hash     BLOB    NOT NULL
        );
        CREATE INDEX ix_records_state_seq ON records (state, seq, next_attempt_at);
        CREATE INDEX ix_records_dedupe ON records (dedupe_hash, created_at);
        CREATE TABLE bodies (
            seq        INTEGER PRIMARY KEY,
            key_id     TEXT NOT NULL,
            sealed     BLOB NOT NULL
        );
        CREATE TABLE body_counts (
            key_id     TEXT PRIMARY KEY,
            bodies     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER tr_bodies_insert AFTER INSERT ON bodies BEGIN
            INSERT INTO body_counts (key_id, bodies) VALUES (NEW.key_id, 1)
                ON CONFLICT (key_id) DO UPDATE SET bodies = bodies + 1;
        END;
        CREATE TRIGGER tr_bodies_delete AFTER DELETE ON bodies BEGIN
            UPDATE body_counts SET bodies = bodies - 1 WHERE key_id = OLD.key_id;
        END;
        """,
    ];

    /// <summary>
    /// Brings the file to <see cref="CurrentVersion"/>. A new file gets <c>auto_vacuum=INCREMENTAL</c> and WAL
    /// before its first table (SQLite ignores auto_vacuum once a table exists).
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new OutboxException(OutboxErrorCodes.SchemaTooNew,
                $"The outbox database has schema version {version}; this gateway knows up to {CurrentVersion}. " +
                "Install the newer gateway release again; do not delete the outbox.");
        }

        if (version == 0)
        {
            Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL;");
        }

        Execute(connection, "PRAGMA journal_mode = WAL;");
        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Migrations[next - 1], transaction);
            Execute(connection, $"PRAGMA user_version = {next};", transaction);
            transaction.Commit();
        }
    }

    /// <summary>True when the file has objects but no outbox schema version (someone else's database).</summary>
    public static bool IsForeign(SqliteConnection connection) =>
        Convert.ToInt64(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture) == 0 &&
        Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master"), System.Globalization.CultureInfo.InvariantCulture) > 0;

    internal static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
