using System.Text;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Storage.Tests;

public sealed class PrivacyTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Raw_database_and_wal_hold_no_name_document_number_or_birth_date()
    {
        var records = new[]
        {
            OutboxFixture.Record(surname: "QUIXOTEFANDANGO", documentNumber: "XK7Q93P21", birth: new DateOnly(1961, 7, 23)),
            OutboxFixture.Record(surname: "MBAPPEKOWALSKA", documentNumber: "ZR4418830", birth: new DateOnly(1999, 12, 2)),
        };
        var secrets = records.SelectMany(r => new[] { r.Surname, r.GivenNames, r.DocumentNumber, r.DateOfBirth.ToString("yyyy-MM-dd", null) })
            .Append("surname").ToList(); // a JSON field name would prove a clear body

        await using (var outbox = await _fixture.OpenAsync())
        {
            foreach (var record in records)
            {
                await outbox.AppendAsync(record, _ct);
            }

            await outbox.ReadDueAsync(10, _ct);
            AssertAbsent(secrets, _fixture.DbPath + "-wal"); // still open: the rows live in the WAL
            AssertAbsent(secrets, _fixture.DbPath);
            await outbox.MarkDeliveredAsync([records[0].RecordId], _ct);
            await outbox.RunMaintenanceAsync(_ct); // checkpoint: the rows move into the main file
        }

        AssertAbsent(secrets, _fixture.DbPath);
        AssertAbsent(secrets, _fixture.DbPath + "-wal");
    }

    private static void AssertAbsent(IEnumerable<string> secrets, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        byte[] raw;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            raw = copy.ToArray();
        }

        Assert.True(raw.Length > 0 || path.EndsWith("-wal", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                Assert.True(raw.AsSpan().IndexOf(encoding.GetBytes(secret)) < 0,
                    $"'{secret}' found in {Path.GetFileName(path)} as {encoding.WebName}");
            }
        }
    }
}
