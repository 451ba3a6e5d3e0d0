using EntryExit.Edge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage;

/// <summary>
/// The technician's view of an existing outbox file, without the key: status, listing, requeue and purge touch
/// only clear columns, never bodies. Safe beside the running gateway (SQLite locks; writes wait up to 30 s).
/// </summary>
public sealed class OutboxInspector : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;

    private OutboxInspector(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Opens an existing outbox. Never creates or migrates one.</summary>
    /// <exception cref="OutboxException">No outbox at <paramref name="path"/>, or it cannot be read.</exception>
    public static OutboxInspector Open(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(path))
        {
            throw new OutboxException(OutboxErrorCodes.DatabaseUnavailable,
                $"There is no outbox database at '{path}'. Check --db or the Outbox:Path in --config.");
        }

        SqliteConnection? connection = null;
        try
        {
            connection = OutboxDatabase.Open(path, mustExist: true);
            var version = Convert.ToInt32(OutboxSchema.Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            if (version == 0 || version > OutboxSchema.CurrentVersion)
            {
                throw new OutboxException(version == 0 ? OutboxErrorCodes.DatabaseUnavailable : OutboxErrorCodes.SchemaTooNew,
                    $"'{path}' is not an outbox this tool understands (schema version {version}).");
            }

            return new OutboxInspector(connection, time);
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw new OutboxException(OutboxErrorCodes.DatabaseUnavailable,
                $"The outbox database '{path}' cannot be read (SQLite error {ex.SqliteErrorCode}). Check its path and permissions.", ex);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>Counts by state, age of the oldest pending record and file sizes.</summary>
    public OutboxStatus GetStatus() => OutboxQueries.Status(_connection, _connection.DataSource, _time.GetUtcNow());

    /// <summary>Rows without bodies, oldest first, optionally of one state.</summary>
    public IReadOnlyList<OutboxListEntry> List(OutboxState? state, int max) => OutboxQueries.List(_connection, state, max);

    /// <summary>Makes one dead-letter or expired record pending and due now; returns 1, or 0 if there was none.</summary>
    public int Requeue(Guid id) => Write((c, t) => OutboxCommands.Requeue(c, t, id, NowMs()));

    /// <summary>Makes every dead-letter record pending and due now; returns how many.</summary>
    public int RequeueDeadLetters() => Write((c, t) => OutboxCommands.Requeue(c, t, null, NowMs()));

    /// <summary>Deletes delivered audit stubs, or expired records with their bodies; returns how many rows.</summary>
    public int Purge(PurgeTarget target) => Write((c, t) => OutboxCommands.Purge(c, t, target));

    /// <summary>Closes the file.</summary>
    public void Dispose() => _connection.Dispose();

    private int Write(Func<SqliteConnection, SqliteTransaction, int> work)
    {
        using var transaction = _connection.BeginTransaction();
        var changed = work(_connection, transaction);
        transaction.Commit();
        return changed;
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
