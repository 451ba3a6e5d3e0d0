using EntryExit.Edge.Storage;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Storage.Tests;

public sealed class RetentionTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Same_document_within_the_window_is_stored_once_and_again_after_it()
    {
        await using var outbox = await _fixture.OpenAsync(_time);
        var scan = OutboxFixture.Record(documentNumber: "AB1234567");

        var first = await outbox.AppendAsync(scan, _ct);
        _time.Advance(TimeSpan.FromMinutes(9));
        var rescan = await outbox.AppendAsync(scan with { RecordId = Guid.CreateVersion7(), Lane = "4" }, _ct);
        var otherDocument = await outbox.AppendAsync(OutboxFixture.Record(documentNumber: "AB1234568"), _ct);
        _time.Advance(TimeSpan.FromMinutes(2));
        var later = await outbox.AppendAsync(scan with { RecordId = Guid.CreateVersion7() }, _ct);

        Assert.Equal(AppendOutcome.Stored, first.Outcome);
        Assert.Equal((AppendOutcome.Duplicate, first.RecordId), (rescan.Outcome, rescan.RecordId));
        Assert.Equal(AppendOutcome.Stored, otherDocument.Outcome);
        Assert.Equal(AppendOutcome.Stored, later.Outcome);
    }

    [Fact]
    public async Task Dedupe_still_holds_after_the_first_scan_was_delivered()
    {
        await using var outbox = await _fixture.OpenAsync(_time);
        var scan = OutboxFixture.Record(documentNumber: "ZX9988776");
        await outbox.AppendAsync(scan, _ct);
        await outbox.MarkDeliveredAsync([scan.RecordId], _ct);

        var rescan = await outbox.AppendAsync(scan with { RecordId = Guid.CreateVersion7() }, _ct);

        Assert.Equal(AppendOutcome.Duplicate, rescan.Outcome);
    }

    [Fact]
    public async Task Pending_records_past_the_maximum_age_expire_with_an_alarm_and_keep_their_body()
    {
        await using var outbox = await _fixture.OpenAsync(_time, o => o.MaxPendingAge = TimeSpan.FromDays(30));
        var old = OutboxFixture.Record();
        await outbox.AppendAsync(old, _ct);
        _time.Advance(TimeSpan.FromDays(29));
        var young = OutboxFixture.Record();
        await outbox.AppendAsync(young, _ct);
        var alarms = new List<OutboxAlarm>();
        outbox.AlarmRaised += (_, alarm) => alarms.Add(alarm);

        Assert.Equal(0, (await outbox.RunMaintenanceAsync(_ct)).Expired);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var report = await outbox.RunMaintenanceAsync(_ct);

        Assert.Equal(1, report.Expired);
        Assert.Equal(OutboxErrorCodes.Expired, Assert.Single(alarms).Code);
        Assert.Equal(young.RecordId, Assert.Single(await outbox.ReadDueAsync(10, _ct)).RecordId);
        Assert.Equal(old.RecordId, Assert.Single(await outbox.ListAsync(OutboxState.Expired, 10, _ct)).RecordId);

        Assert.Equal(1, await outbox.RequeueAsync(old.RecordId, _ct)); // body kept: it can still be sent
        Assert.Equal(0, (await outbox.RunMaintenanceAsync(_ct)).Expired);
    }

    [Fact]
    public async Task Audit_stubs_are_kept_for_the_retention_period_then_removed()
    {
        await using var outbox = await _fixture.OpenAsync(_time, o => o.DeliveredRetention = TimeSpan.FromDays(7));
        var record = OutboxFixture.Record();
        await outbox.AppendAsync(record, _ct);
        await outbox.MarkDeliveredAsync([record.RecordId], _ct);

        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await outbox.RunMaintenanceAsync(_ct)).AuditStubsRemoved);
        Assert.Single(await outbox.ListAsync(OutboxState.Delivered, 10, _ct));
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await outbox.RunMaintenanceAsync(_ct)).AuditStubsRemoved);
        Assert.Empty(await outbox.ListAsync(null, 10, _ct));
    }

    [Fact]
    public async Task Purge_removes_delivered_stubs_or_expired_records()
    {
        await using var outbox = await _fixture.OpenAsync(_time, o => o.MaxPendingAge = TimeSpan.FromDays(1));
        var delivered = OutboxFixture.Record();
        await outbox.AppendAsync(delivered, _ct);
        await outbox.MarkDeliveredAsync([delivered.RecordId], _ct);
        await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        _time.Advance(TimeSpan.FromDays(2));
        await outbox.RunMaintenanceAsync(_ct);

        Assert.Equal(1, await outbox.PurgeAsync(PurgeTarget.Expired, _ct));
        Assert.Equal(1, await outbox.PurgeAsync(PurgeTarget.Delivered, _ct));
        var status = await outbox.GetStatusAsync(_ct);
        Assert.Equal((0L, 0L, 0L, 0L), (status.Pending, status.Delivered, status.Expired, status.DeadLetter));
    }

    [Fact]
    public async Task Incremental_vacuum_returns_pages_after_delivery()
    {
        await using var outbox = await _fixture.OpenAsync(_time, o => o.DeliveredRetention = TimeSpan.Zero);
        var records = Enumerable.Range(0, 300).Select(_ => OutboxFixture.Record(surname: new string('C', 100))).ToList();
        await Task.WhenAll(records.Select(r => outbox.AppendAsync(r, _ct)));
        await outbox.RunMaintenanceAsync(_ct);
        var before = new FileInfo(_fixture.DbPath).Length;

        await outbox.MarkDeliveredAsync([.. records.Select(r => r.RecordId)], _ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        var report = await outbox.RunMaintenanceAsync(_ct);

        Assert.True(report.PagesReclaimed > 0);
        Assert.True(new FileInfo(_fixture.DbPath).Length < before);
    }
}
