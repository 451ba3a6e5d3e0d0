using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>Opening, checking and moving aside the database file.</summary>
internal static class OutboxDatabase
{
    /// <summary>SQLITE_CORRUPT and SQLITE_NOTADB: the file is damaged or not a database.</summary>
    private static readonly int[] CorruptCodes = [11, 26];

    /// <summary>Opens a connection with the per-connection settings the outbox relies on.</summary>
    public static SqliteConnection Open(string path, bool mustExist)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mustExist ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // FULL: a commit is synced before it is acknowledged; WAL keeps the file consistent across power cuts.
            OutboxSchema.Execute(connection, "PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 67108864;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <c>PRAGMA quick_check</c>. Returns null when the file is healthy (or does not exist yet), otherwise a
    /// short description of the damage (SQLite's own words, which hold no row data).
    /// </summary>
    public static string? FindDamage(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (!HasSqliteHeader(path))
        {
            // Decided before SQLite touches the file, so the file and its -wal are kept exactly as found.
            return "the file does not start with the SQLite header";
        }

        try
        {
            using var connection = Open(path, mustExist: true);
            if (OutboxSchema.IsForeign(connection))
            {
                return "the file is a SQLite database but not an outbox";
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(5)";
            using var reader = command.ExecuteReader();
            var findings = new List<string>();
            while (reader.Read())
            {
                findings.Add(reader.GetString(0));
            }

            return findings is ["ok"] ? null : "quick_check: " + string.Join("; ", findings);
        }
        catch (SqliteException ex) when (CorruptCodes.Contains(ex.SqliteErrorCode))
        {
            return $"SQLite error {ex.SqliteErrorCode} ({ex.SqliteExtendedErrorCode})";
        }
    }

    private static bool HasSqliteHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == 0 || header[..read].SequenceEqual("SQLite format 3\0"u8);
    }

    /// <summary>Renames the file and its -wal/-shm to "*.corrupt-TIMESTAMP" so forensics can still read them.</summary>
    public static string MoveAside(string path, DateTimeOffset now)
    {
        var target = $"{path}.corrupt-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        for (var n = 1; File.Exists(target); n++)
        {
            target = $"{path}.corrupt-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{n}";
        }

        File.Move(path, target);
        foreach (var suffix in (string[])["-wal", "-shm"])
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        return target;
    }

    /// <summary>Database plus WAL sizes; zero for missing files.</summary>
    public static (long File, long Wal) Sizes(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length : 0, File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

    /// <summary>True for SQLITE_FULL: the disk or the page quota is full.</summary>
    public static bool IsFull(SqliteException ex) => ex.SqliteErrorCode == 13;
}
