using System.CommandLine;
using System.Text.Json;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Host.Cli.Outbox;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Outbox;

public sealed class OutboxCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outbox-cli-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _db;
    private readonly string _key;

    public OutboxCommandTests()
    {
        Directory.CreateDirectory(_directory);
        _db = Path.Combine(_directory, "outbox.db");
        _key = Path.Combine(_directory, "outbox.key");
        File.WriteAllBytes(_key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Status_prints_counts_age_and_size_without_personal_data()
    {
        await SeedAsync(pending: 2, deadLetter: 1, delivered: 1);
        _time.Advance(TimeSpan.FromMinutes(90));

        var (code, output, _) = Run("outbox", "status", "--db", _db);

        Assert.Equal(0, code);
        Assert.Contains("pending:        2", output, StringComparison.Ordinal);
        Assert.Contains("dead-letter:    1", output, StringComparison.Ordinal);
        Assert.Contains("delivered:      1", output, StringComparison.Ordinal);
        Assert.Contains("oldest pending: 1h 30m 0s", output, StringComparison.Ordinal);
        AssertNoPersonalData(output);
    }

    [Fact]
    public async Task Status_json_is_machine_readable()
    {
        await SeedAsync(pending: 3);

        var (code, output, _) = Run("outbox", "status", "--db", _db, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("pending").GetInt32());
        Assert.True(json.RootElement.GetProperty("fileSizeBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task List_filters_by_state_and_shows_ids_attempts_and_errors()
    {
        var seeded = await SeedAsync(pending: 1, deadLetter: 2);

        var (code, output, _) = Run("outbox", "list", "--db", _db, "--state", "dead-letter");

        Assert.Equal(0, code);
        Assert.Contains(seeded.DeadLetters[0].ToString("D"), output, StringComparison.Ordinal);
        Assert.Contains("PUBACK_135", output, StringComparison.Ordinal);
        Assert.DoesNotContain(seeded.Pending[0].ToString("D"), output, StringComparison.Ordinal);
        Assert.Contains("2 record(s)", output, StringComparison.Ordinal);
        AssertNoPersonalData(output);
    }

    [Fact]
    public async Task List_json_reads_the_path_from_a_config_file()
    {
        var seeded = await SeedAsync(pending: 2);
        var config = Path.Combine(_directory, "appsettings.json");
        await File.WriteAllTextAsync(config, $$"""{ "Outbox": { "Path": "outbox.db", "KeyFile": "outbox.key" } }""", _ct);

        var (code, output, _) = Run("outbox", "list", "--config", config, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(seeded.Pending, json.RootElement.EnumerateArray().Select(e => e.GetProperty("recordId").GetGuid()));
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Equal("pending", e.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Retry_requeues_one_record_or_every_dead_letter()
    {
        var seeded = await SeedAsync(deadLetter: 3);

        Assert.Equal(0, Run("outbox", "retry", seeded.DeadLetters[0].ToString("D"), "--db", _db).Code);
        var (code, output, _) = Run("outbox", "retry", "--dead-letter", "--db", _db);
        var (again, _, error) = Run("outbox", "retry", seeded.DeadLetters[0].ToString("D"), "--db", _db);

        Assert.Equal(0, code);
        Assert.Contains("requeued 2 record(s)", output, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Contains("nothing requeued", error, StringComparison.Ordinal);
        await using var outbox = await OpenAsync();
        Assert.Equal(3, (await outbox.GetStatusAsync(_ct)).Pending);
    }

    [Fact]
    public async Task Purge_deletes_delivered_stubs()
    {
        await SeedAsync(pending: 1, delivered: 2);

        var (code, output, _) = Run("outbox", "purge", "--delivered", "--db", _db);

        Assert.Equal(0, code);
        Assert.Contains("purged 2 delivered", output, StringComparison.Ordinal);
        await using var outbox = await OpenAsync();
        var status = await outbox.GetStatusAsync(_ct);
        Assert.Equal((1L, 0L), (status.Pending, status.Delivered));
    }

    [Theory]
    [InlineData("outbox", "status")]
    [InlineData("outbox", "purge", "--db", "DB")]
    [InlineData("outbox", "purge", "--delivered", "--expired", "--db", "DB")]
    [InlineData("outbox", "retry", "--db", "DB")]
    [InlineData("outbox", "retry", "not-a-uuid", "--db", "DB")]
    [InlineData("outbox", "list", "--state", "lost", "--db", "DB")]
    [InlineData("outbox", "status", "--db", "MISSING")]
    [InlineData("outbox", "status", "--config", "MISSING")]
    [InlineData("outbox", "status", "--db", "DB", "--config", "DB")]
    public async Task Usage_and_configuration_problems_exit_2_with_a_message(params string[] args)
    {
        await SeedAsync(pending: 1);
        var resolved = args.Select(a => a switch
        {
            "DB" => _db,
            "MISSING" => Path.Combine(_directory, "absent.db"),
            _ => a,
        }).ToArray();

        var (code, _, error) = Run(resolved);

        Assert.Equal(OutboxCommand.UsageError, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(OutboxCommand.Create(_time));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private Task<SqliteOutbox> OpenAsync() => SqliteOutbox.OpenAsync(
        new OutboxOptions { Path = _db, KeyFile = _key, GatewayId = "gw-cli-test" }, _time, NullLogger<SqliteOutbox>.Instance, _ct);

    private async Task<(List<Guid> Pending, List<Guid> DeadLetters)> SeedAsync(int pending = 0, int deadLetter = 0, int delivered = 0)
    {
        await using var outbox = await OpenAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < pending + deadLetter + delivered; i++)
        {
            var record = Record(i);
            await outbox.AppendAsync(record, _ct);
            ids.Add(record.RecordId);
        }

        foreach (var id in ids.Skip(pending).Take(deadLetter))
        {
            await outbox.MarkDeadLetterAsync(id, "PUBACK_135_NOT_AUTHORIZED", _ct);
        }

        await outbox.MarkDeliveredAsync([.. ids.Skip(pending + deadLetter)], _ct);
        return ([.. ids.Take(pending)], [.. ids.Skip(pending).Take(deadLetter)]);
    }

    private static EntryRecord Record(int n) => new()
    {
        RecordId = Guid.CreateVersion7(),
        EntryCountry = "USA",
        PortCode = "0712",
        PortName = "Champlain",
        Lane = "1",
        EntryTime = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero),
        UtcOffset = "-05:00",
        Surname = "PRIVATESURNAME",
        GivenNames = "HIDDEN",
        DateOfBirth = new DateOnly(1975, 5, 5),
        Nationality = "DEU",
        Sex = "M",
        DocumentType = DocumentTypes.Passport,
        DocumentCode = "P",
        DocumentNumber = $"C01X00T4{n}",
        IssuingCountry = "DEU",
        Category = "third-country-national",
    };

    private static void AssertNoPersonalData(string output)
    {
        Assert.DoesNotContain("PRIVATESURNAME", output, StringComparison.Ordinal);
        Assert.DoesNotContain("C01X00T4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1975", output, StringComparison.Ordinal);
    }
}
