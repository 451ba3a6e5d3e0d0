using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Storage.Tests;

public sealed class CapacityTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Disk_full_rejects_with_a_code_keeps_stored_records_and_recovers_when_space_returns()
    {
        await using var outbox = await _fixture.OpenAsync();
        var alarms = new List<OutboxAlarm>();
        outbox.AlarmRaised += (_, alarm) => alarms.Add(alarm);
        var first = await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        await outbox.SetMaxPageCountAsync(1, _ct); // SQLite keeps the quota at the current size: no page may be added

        AppendResult refused = first;
        var stored = 1;
        for (var i = 0; i < 500 && refused.Outcome != AppendOutcome.Rejected; i++)
        {
            refused = await outbox.AppendAsync(OutboxFixture.Record(surname: new string('A', 100)), _ct);
            stored += refused.Outcome == AppendOutcome.Stored ? 1 : 0;
        }

        Assert.Equal(AppendOutcome.Rejected, refused.Outcome);
        Assert.Equal(OutboxErrorCodes.DiskFull, refused.ErrorCode);
        Assert.Contains("NOT stored", refused.Message, StringComparison.Ordinal);
        Assert.Equal(OutboxErrorCodes.DiskFull, Assert.Single(alarms).Code);

        await outbox.SetMaxPageCountAsync(1_000_000, _ct);
        var after = await outbox.AppendAsync(OutboxFixture.Record(), _ct);

        Assert.Equal(AppendOutcome.Stored, after.Outcome);
        Assert.Equal(stored + 1, (await outbox.GetStatusAsync(_ct)).Pending);
        Assert.Equal(first.RecordId, (await outbox.ReadDueAsync(1, _ct))[0].RecordId);
    }

    [Fact]
    public async Task Record_cap_rejects_new_records_until_one_is_delivered()
    {
        await using var outbox = await _fixture.OpenAsync(configure: o => o.MaxRecords = 3);
        var records = Enumerable.Range(0, 3).Select(_ => OutboxFixture.Record()).ToList();
        foreach (var record in records)
        {
            Assert.Equal(AppendOutcome.Stored, (await outbox.AppendAsync(record, _ct)).Outcome);
        }

        var refused = await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        Assert.Equal((AppendOutcome.Rejected, OutboxErrorCodes.Full), (refused.Outcome, refused.ErrorCode));
        Assert.Contains(outbox.Alarms, a => a.Code == OutboxErrorCodes.Full);

        await outbox.MarkDeliveredAsync([records[0].RecordId], _ct);

        Assert.Equal(AppendOutcome.Stored, (await outbox.AppendAsync(OutboxFixture.Record(), _ct)).Outcome);
    }

    [Fact]
    public async Task Byte_cap_rejects_new_records()
    {
        await using var outbox = await _fixture.OpenAsync(configure: o => o.MaxBytes = 64 * 1024);
        AppendResult result;
        var attempts = 0;
        do
        {
            result = await outbox.AppendAsync(OutboxFixture.Record(surname: new string('B', 100)), _ct);
        }
        while (result.Outcome == AppendOutcome.Stored && ++attempts < 1000);

        Assert.Equal(OutboxErrorCodes.Full, result.ErrorCode);
        Assert.InRange(attempts, 1, 400);
    }
}
