using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Storage.Tests;

public sealed class CorruptionTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_file_that_is_not_a_database_is_moved_aside_with_its_wal_and_a_fresh_outbox_starts()
    {
        var garbage = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16 * 1024);
        await File.WriteAllBytesAsync(_fixture.DbPath, garbage, _ct);
        await File.WriteAllBytesAsync(_fixture.DbPath + "-wal", [1, 2, 3], _ct);

        await using var outbox = await _fixture.OpenAsync();

        var alarm = Assert.Single(outbox.Alarms);
        Assert.Equal(OutboxErrorCodes.CorruptMovedAside, alarm.Code);
        var kept = Directory.GetFiles(_fixture.Directory, "outbox.db.corrupt-*");
        Assert.Equal(2, kept.Length);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(kept.Single(f => !f.EndsWith("-wal", StringComparison.Ordinal)), _ct));
        Assert.Equal(AppendOutcome.Stored, (await outbox.AppendAsync(OutboxFixture.Record(), _ct)).Outcome);
    }

    [Fact]
    public async Task Damaged_pages_fail_quick_check_and_the_file_is_moved_aside()
    {
        await using (var outbox = await _fixture.OpenAsync())
        {
            for (var i = 0; i < 200; i++)
            {
                await outbox.AppendAsync(OutboxFixture.Record(), _ct);
            }

            await outbox.RunMaintenanceAsync(_ct); // checkpoint: the rows are now in the main file
        }

        // Overwrite the middle of the file (b-tree pages) and keep the header intact.
        await using (var file = new FileStream(_fixture.DbPath, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = file.Length / 2;
            file.Write(Enumerable.Repeat((byte)0x5A, 8192).ToArray());
        }

        await using var reopened = await _fixture.OpenAsync();

        Assert.Equal(OutboxErrorCodes.CorruptMovedAside, Assert.Single(reopened.Alarms).Code);
        Assert.Equal(0, (await reopened.GetStatusAsync(_ct)).Pending);
        Assert.Single(Directory.GetFiles(_fixture.Directory, "outbox.db.corrupt-*"));
    }
}
