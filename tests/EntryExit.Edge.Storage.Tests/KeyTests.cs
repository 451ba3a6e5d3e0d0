using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Storage.Tests;

public sealed class KeyTests : IDisposable
{
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Wrong_key_is_refused_at_startup_and_the_records_stay()
    {
        await using (var outbox = await _fixture.OpenAsync())
        {
            await outbox.AppendAsync(OutboxFixture.Record(), _ct);
        }

        var otherKey = _fixture.WriteKey("other.key");
        var error = await Assert.ThrowsAsync<OutboxException>(() => _fixture.OpenAsync(configure: o => o.KeyFile = otherKey));

        Assert.Equal(OutboxErrorCodes.KeyMismatch, error.Code);
        await using var original = await _fixture.OpenAsync();
        Assert.Single(await original.ReadDueAsync(10, _ct));
    }

    [Fact]
    public void Pooled_ciphers_seal_and_open_correctly_from_many_threads_and_still_refuse_a_tampered_body()
    {
        // The keyring reuses AesGcm contexts, which are not thread-safe: each call must have one to itself.
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using var keyring = new Security.OutboxKeyring(key, [], "gw-1");
        var failures = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var id = Guid.CreateVersion7().ToByteArray();
            var text = System.Text.Encoding.UTF8.GetBytes($"record {i} " + new string('x', i % 300));
            var sealedBody = keyring.Seal(text, id);
            if (!keyring.TryOpen(keyring.CurrentKeyId, sealedBody, id, out var opened) || !opened.AsSpan().SequenceEqual(text))
            {
                Interlocked.Increment(ref failures);
            }

            sealedBody[^1] ^= 1;
            if (keyring.TryOpen(keyring.CurrentKeyId, sealedBody, id, out _))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task Key_file_readable_by_others_is_refused_with_the_chmod_fix()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
        }

        var open = _fixture.WriteKey("open.key", mode: (UnixFileMode)Convert.ToInt32("644", 8));

        var error = await Assert.ThrowsAsync<OutboxException>(() => _fixture.OpenAsync(configure: o => o.KeyFile = open));

        Assert.Equal(OutboxErrorCodes.KeyPermissions, error.Code);
        Assert.Contains($"chmod 600 {open}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_fixture.DbPath)); // refused before any database was created
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(0)]
    public async Task Key_of_the_wrong_size_is_refused(int length)
    {
        var key = _fixture.WriteKey("bad.key", length);

        var error = await Assert.ThrowsAsync<OutboxException>(() => _fixture.OpenAsync(configure: o => o.KeyFile = key));

        Assert.Equal(OutboxErrorCodes.KeyWrongSize, error.Code);
    }

    [Fact]
    public async Task Missing_gateway_id_is_a_configuration_error()
    {
        var error = await Assert.ThrowsAsync<OutboxException>(() => _fixture.OpenAsync(configure: o => o.GatewayId = " "));

        Assert.Equal(OutboxErrorCodes.ConfigInvalid, error.Code);
    }

    [Fact]
    public async Task Missing_key_file_is_refused_with_how_to_make_one()
    {
        var missing = Path.Combine(_fixture.Directory, "absent.key");

        var error = await Assert.ThrowsAsync<OutboxException>(() => _fixture.OpenAsync(configure: o => o.KeyFile = missing));

        Assert.Equal(OutboxErrorCodes.KeyMissing, error.Code);
        Assert.Contains("head -c 32 /dev/urandom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_is_taken_from_the_systemd_credentials_directory_when_no_file_is_configured()
    {
        var credentials = Path.Combine(_fixture.Directory, "credentials");
        Directory.CreateDirectory(credentials);
        File.Copy(_fixture.KeyFile, Path.Combine(credentials, OutboxOptions.DefaultKeyCredentialName));
        var previous = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");
        Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", credentials);
        try
        {
            await using (var fromFile = await _fixture.OpenAsync())
            {
                await fromFile.AppendAsync(OutboxFixture.Record(), _ct);
            }

            await using var fromCredential = await _fixture.OpenAsync(configure: o => o.KeyFile = null);
            Assert.Single(await fromCredential.ReadDueAsync(10, _ct));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", previous);
        }
    }

    [Fact]
    public async Task Rotated_key_still_opens_older_rows_listed_as_previous_keys()
    {
        var old = OutboxFixture.Record();
        await using (var outbox = await _fixture.OpenAsync())
        {
            await outbox.AppendAsync(old, _ct);
        }

        var newKey = _fixture.WriteKey("new.key");
        var options = _fixture.Options(o =>
        {
            o.KeyFile = newKey;
            o.PreviousKeyFiles = [_fixture.KeyFile];
        });
        await using var rotated = await SqliteOutbox.OpenAsync(options, TimeProvider.System, NullLogger<SqliteOutbox>.Instance, _ct);
        var fresh = OutboxFixture.Record();
        await rotated.AppendAsync(fresh, _ct);

        Assert.Equal([old.RecordId, fresh.RecordId], (await rotated.ReadDueAsync(10, _ct)).Select(i => i.RecordId));
    }

    [Fact]
    public async Task A_retired_key_is_not_needed_for_delivered_bodies_a_crash_left_behind()
    {
        var delivered = OutboxFixture.Record();
        await using (var outbox = await _fixture.OpenAsync())
        {
            await outbox.AppendAsync(delivered, _ct);
        }

        // A crash between the mark and its body batch leaves a delivered record with its body (sealed with this key).
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False"))
        {
            connection.Open();
            using var mark = connection.CreateCommand();
            mark.CommandText = "UPDATE records SET state = 1";
            Assert.Equal(1, mark.ExecuteNonQuery());
        }

        // No record is pending under the old key, so it was retired: the outbox opens with the new key alone.
        var newKey = _fixture.WriteKey("new.key");
        await using var rotated = await _fixture.OpenAsync(configure: o => o.KeyFile = newKey);

        Assert.Empty(await rotated.ReadDueAsync(10, _ct));
        Assert.Equal(delivered.RecordId, Assert.Single(await rotated.ListAsync(OutboxState.Delivered, 10, _ct)).RecordId);
    }
}
