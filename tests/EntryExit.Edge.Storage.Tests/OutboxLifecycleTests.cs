using System.Text.Json;
using EntryExit.Edge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Storage.Tests;

public sealed class OutboxLifecycleTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task New_file_uses_wal_incremental_vacuum_and_current_schema()
    {
        await (await _fixture.OpenAsync()).DisposeAsync();

        using var connection = new SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal(2L, Pragma(connection, "auto_vacuum"));
        Assert.Equal(1L, Pragma(connection, "user_version"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task New_file_and_its_wal_are_readable_by_the_owner_only()
    {
        await using var outbox = await _fixture.OpenAsync();
        await outbox.AppendAsync(OutboxFixture.Record(), _ct);

        const UnixFileMode groupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(_fixture.DbPath) & groupOrOthers);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(_fixture.DbPath + "-wal") & groupOrOthers);
    }

    [Fact]
    public async Task Appended_records_are_read_oldest_first_with_their_json_body()
    {
        await using var outbox = await _fixture.OpenAsync();
        var first = OutboxFixture.Record(surname: "FIRST");
        var second = OutboxFixture.Record(surname: "SECOND");

        Assert.Equal(AppendOutcome.Stored, (await outbox.AppendAsync(first, _ct)).Outcome);
        Assert.Equal(AppendOutcome.Stored, (await outbox.AppendAsync(second, _ct)).Outcome);
        var due = await outbox.ReadDueAsync(10, _ct);

        Assert.Equal([first.RecordId, second.RecordId], due.Select(i => i.RecordId));
        Assert.True(due[0].Sequence < due[1].Sequence);
        using var json = JsonDocument.Parse(due[0].Payload);
        Assert.Equal("FIRST", json.RootElement.GetProperty("surname").GetString());
        Assert.Equal(first.RecordId, json.RootElement.GetProperty("recordId").GetGuid());
        Assert.Equal("1984-03-17", json.RootElement.GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task Same_record_id_twice_is_a_duplicate_stored_once()
    {
        await using var outbox = await _fixture.OpenAsync();
        var record = OutboxFixture.Record();

        await outbox.AppendAsync(record, _ct);
        var again = await outbox.AppendAsync(record with { DocumentNumber = "OTHER1234" }, _ct);

        Assert.Equal(AppendOutcome.Duplicate, again.Outcome);
        Assert.Equal(1, (await outbox.GetStatusAsync(_ct)).Pending);
    }

    [Fact]
    public async Task Read_records_stay_in_flight_until_reported_and_are_pending_again_after_reopen()
    {
        var record = OutboxFixture.Record();
        await using (var outbox = await _fixture.OpenAsync())
        {
            await outbox.AppendAsync(record, _ct);
            Assert.Single(await outbox.ReadDueAsync(10, _ct));
            Assert.Empty(await outbox.ReadDueAsync(10, _ct));
        }

        await using var reopened = await _fixture.OpenAsync();
        Assert.Equal(record.RecordId, Assert.Single(await reopened.ReadDueAsync(10, _ct)).RecordId);
    }

    [Fact]
    public async Task Concurrent_readers_never_get_the_same_record()
    {
        await using var outbox = await _fixture.OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => outbox.AppendAsync(OutboxFixture.Record(), _ct)));

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => outbox.ReadDueAsync(15, _ct), _ct)));

        var ids = batches.SelectMany(b => b.Select(i => i.RecordId)).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task In_flight_lease_runs_out_and_the_record_is_handed_out_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var outbox = await _fixture.OpenAsync(time, o => o.InFlightLease = TimeSpan.FromMinutes(1));
        await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        Assert.Single(await outbox.ReadDueAsync(10, _ct));

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Single(await outbox.ReadDueAsync(10, _ct));
    }

    [Fact]
    public async Task Delivered_records_lose_their_body_and_keep_an_audit_stub()
    {
        await using var outbox = await _fixture.OpenAsync();
        var record = OutboxFixture.Record();
        await outbox.AppendAsync(record, _ct);

        await outbox.MarkDeliveredAsync([record.RecordId], _ct);

        Assert.Empty(await outbox.ReadDueAsync(10, _ct));
        var stub = Assert.Single(await outbox.ListAsync(OutboxState.Delivered, 10, _ct));
        Assert.Equal(record.RecordId, stub.RecordId);
        // Deleted in a batch once marks pause (1 s), by the outbox itself: no maintenance, no close.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (BodiesIn(_fixture.DbPath) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, _ct); // polling a file another component changes, not synchronisation
        }

        Assert.Equal(0L, BodiesIn(_fixture.DbPath));
        Assert.Equal(0, outbox.DeliveredBodiesWaiting);
    }

    [Fact]
    public async Task A_body_delete_by_sequence_number_or_record_id_spares_every_record_not_delivered()
    {
        // A fake clock that never moves: the sweeper keeps the delivered body until this test deletes it itself.
        await using var outbox = await _fixture.OpenAsync(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var records = await AppendRecordsAsync(outbox, 4, "SPARE");
        await outbox.MarkDeliveredAsync([records[0].RecordId], _ct);
        await outbox.MarkDeadLetterAsync(records[1].RecordId, "MQTT_NOT_AUTHORIZED", _ct);
        var seqs = (await outbox.ListAsync(null, 10, _ct)).ToDictionary(e => e.RecordId, e => e.Sequence);

        using var connection = new SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var deleted = EntryExit.Edge.Storage.Sqlite.OutboxCommands.DeleteDeliveredBodies(connection, transaction,
        [
            new(records[0].RecordId, seqs[records[0].RecordId]), // delivered: goes
            new(records[1].RecordId, seqs[records[1].RecordId]), // dead-letter, by sequence number: stays
            new(records[2].RecordId, seqs[records[2].RecordId]), // pending, by sequence number: stays
            new(records[3].RecordId, 0), // pending, by record id: stays
        ]);
        transaction.Commit();

        Assert.Equal(1, deleted);
        Assert.Equal(3L, BodiesIn(_fixture.DbPath));
    }

    [Fact]
    public async Task Closing_deletes_the_bodies_still_waiting_for_their_batch()
    {
        // A fake clock that never moves: no pause in marks ever comes, only the close deletes them.
        var outbox = await _fixture.OpenAsync(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var records = await AppendRecordsAsync(outbox, 10, "CLOSE");

        await outbox.MarkDeliveredAsync(records.Take(7).Select(r => r.RecordId).ToList(), _ct);
        Assert.Equal(7, outbox.DeliveredBodiesWaiting);

        await outbox.DisposeAsync();

        Assert.Equal(3L, BodiesIn(_fixture.DbPath));
    }

    [Fact]
    public async Task Opening_deletes_delivered_bodies_a_crash_left_and_keeps_the_pending_ones()
    {
        var records = Enumerable.Range(0, 6).Select(i => OutboxFixture.Record(surname: $"CRASH{i}")).ToList();
        await using (var outbox = await _fixture.OpenAsync())
        {
            foreach (var record in records)
            {
                await outbox.AppendAsync(record, _ct);
            }
        }

        using (var connection = new SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False"))
        {
            // What a crash between a mark and its body batch leaves: delivered rows that still have bodies.
            connection.Open();
            using var mark = connection.CreateCommand();
            mark.CommandText = "UPDATE records SET state = 1 WHERE seq IN (SELECT seq FROM records ORDER BY seq LIMIT 4)";
            Assert.Equal(4, mark.ExecuteNonQuery());
        }

        await using var reopened = await _fixture.OpenAsync();

        Assert.Equal(2L, BodiesIn(_fixture.DbPath));
        Assert.Equal(records.Skip(4).Select(r => r.RecordId), (await reopened.ReadDueAsync(10, _ct)).Select(i => i.RecordId));
    }

    private async Task<List<EntryExit.Edge.Domain.Records.EntryRecord>> AppendRecordsAsync(SqliteOutbox outbox, int count, string surname)
    {
        var records = Enumerable.Range(0, count).Select(i => OutboxFixture.Record(surname: $"{surname}{i}")).ToList();
        foreach (var record in records)
        {
            await outbox.AppendAsync(record, _ct);
        }

        return records;
    }

    private static long BodiesIn(string dbPath)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        connection.Open();
        return (long)Scalar(connection, "SELECT count(*) FROM bodies")!;
    }

    [Fact]
    public async Task One_mark_settles_a_batch_and_leaves_unlisted_records_pending()
    {
        await using var outbox = await _fixture.OpenAsync();
        var records = await AppendRecordsAsync(outbox, 120, "BATCH");

        var delivered = records.Where((_, i) => i % 3 != 1).Select(r => r.RecordId).ToList();
        await outbox.MarkDeliveredAsync([.. delivered, Guid.CreateVersion7()], _ct); // an unknown id changes nothing
        await outbox.MarkDeliveredAsync(delivered.Take(5).ToList(), _ct); // marking again is harmless

        var pending = records.Where((_, i) => i % 3 == 1).Select(r => r.RecordId).ToList();
        Assert.Equal(pending, (await outbox.ReadDueAsync(200, _ct)).Select(i => i.RecordId));
        Assert.Equal(delivered.Order(), (await outbox.ListAsync(OutboxState.Delivered, 200, _ct)).Select(e => e.RecordId).Order());
        await outbox.RunMaintenanceAsync(_ct); // deletes the delivered bodies waiting for their batch
        using var connection = new SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False");
        connection.Open();
        Assert.Equal((long)pending.Count, Scalar(connection, "SELECT count(*) FROM bodies"));
        Assert.Equal((long)pending.Count, Scalar(connection, "SELECT sum(bodies) FROM body_counts"));
    }

    [Fact]
    public async Task A_mark_of_read_and_unread_records_settles_exactly_those_listed()
    {
        // Records read (leased) are marked by sequence number, the others by record id: one batch may hold both.
        await using var outbox = await _fixture.OpenAsync();
        var records = await AppendRecordsAsync(outbox, 60, "MIXED");

        var read = (await outbox.ReadDueAsync(30, _ct)).Select(i => i.RecordId).ToList();
        Assert.Equal(records.Take(30).Select(r => r.RecordId), read);
        var delivered = read.Where((_, i) => i % 2 == 0).Concat(records.Skip(30).Where((_, i) => i % 2 == 0).Select(r => r.RecordId)).ToList();
        await outbox.MarkDeliveredAsync([.. delivered, Guid.CreateVersion7()], _ct);

        Assert.Equal(delivered.Order(), (await outbox.ListAsync(OutboxState.Delivered, 100, _ct)).Select(e => e.RecordId).Order());
        Assert.Equal(records.Count - delivered.Count, (await outbox.GetStatusAsync(_ct)).Pending);
        foreach (var id in read.Where((_, i) => i % 2 == 1))
        {
            outbox.Release([id]); // unsent: due again
        }

        var due = (await outbox.ReadDueAsync(100, _ct)).Select(i => i.RecordId).ToList();
        Assert.Equal(records.Select(r => r.RecordId).Except(delivered), due);

        // Their bodies go the same two ways (by sequence number, by record id): every delivered one, no other.
        await outbox.RunMaintenanceAsync(_ct);
        Assert.Equal(0, outbox.DeliveredBodiesWaiting);
        Assert.Equal((long)(records.Count - delivered.Count), BodiesIn(_fixture.DbPath));
    }

    [Fact]
    public async Task Scheduled_retry_counts_the_attempt_and_waits_until_due()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var outbox = await _fixture.OpenAsync(time);
        var record = OutboxFixture.Record();
        await outbox.AppendAsync(record, _ct);
        await outbox.ReadDueAsync(10, _ct);

        await outbox.ScheduleRetryAsync(record.RecordId, "MQTT_NOT_CONNECTED", time.GetUtcNow().AddSeconds(30), _ct);

        Assert.Empty(await outbox.ReadDueAsync(10, _ct));
        time.Advance(TimeSpan.FromSeconds(30));
        var item = Assert.Single(await outbox.ReadDueAsync(10, _ct));
        Assert.Equal(1, item.Attempts);
        Assert.Equal("MQTT_NOT_CONNECTED", Assert.Single(await outbox.ListAsync(null, 10, _ct)).LastError);
    }

    [Fact]
    public async Task Dead_letters_are_not_due_until_requeued()
    {
        await using var outbox = await _fixture.OpenAsync();
        var one = OutboxFixture.Record();
        var two = OutboxFixture.Record();
        await outbox.AppendAsync(one, _ct);
        await outbox.AppendAsync(two, _ct);

        await outbox.MarkDeadLetterAsync(one.RecordId, "PUBACK_135_NOT_AUTHORIZED", _ct);
        await outbox.MarkDeadLetterAsync(two.RecordId, "PUBACK_153_PAYLOAD_FORMAT_INVALID", _ct);
        Assert.Empty(await outbox.ReadDueAsync(10, _ct));
        Assert.Equal(2, (await outbox.GetStatusAsync(_ct)).DeadLetter);

        Assert.Equal(1, await outbox.RequeueAsync(one.RecordId, _ct));
        Assert.Equal(one.RecordId, Assert.Single(await outbox.ReadDueAsync(10, _ct)).RecordId);
        Assert.Equal(1, await outbox.RequeueDeadLettersAsync(_ct));
        Assert.Equal(0, await outbox.RequeueAsync(Guid.CreateVersion7(), _ct));
        Assert.Equal(two.RecordId, Assert.Single(await outbox.ReadDueAsync(10, _ct)).RecordId);
    }

    [Fact]
    public async Task Status_counts_states_and_reports_the_oldest_pending_age()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var outbox = await _fixture.OpenAsync(time);
        var delivered = OutboxFixture.Record();
        await outbox.AppendAsync(delivered, _ct);
        await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        await outbox.MarkDeliveredAsync([delivered.RecordId], _ct);
        time.Advance(TimeSpan.FromMinutes(7));

        var status = await outbox.GetStatusAsync(_ct);

        Assert.Equal((1L, 1L, 0L, 0L), (status.Pending, status.Delivered, status.DeadLetter, status.Expired));
        Assert.Equal(TimeSpan.FromMinutes(7), status.OldestPendingAge);
        Assert.True(status.FileSizeBytes > 0);
    }

    [Fact]
    public async Task A_body_altered_on_disk_is_dead_lettered_not_delivered()
    {
        var record = OutboxFixture.Record();
        await using (var outbox = await _fixture.OpenAsync())
        {
            await outbox.AppendAsync(record, _ct);
        }

        using (var connection = new SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE bodies SET sealed = zeroblob(length(sealed))";
            tamper.ExecuteNonQuery();
        }

        await using var reopened = await _fixture.OpenAsync();
        Assert.Empty(await reopened.ReadDueAsync(10, _ct));
        var entry = Assert.Single(await reopened.ListAsync(OutboxState.DeadLetter, 10, _ct));
        Assert.Equal(OutboxErrorCodes.BodyUnreadable, entry.LastError);
    }

    internal static object? Pragma(SqliteConnection connection, string name) => Scalar(connection, $"PRAGMA {name}");

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
