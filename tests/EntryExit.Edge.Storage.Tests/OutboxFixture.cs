using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Storage.Tests;

/// <summary>A temp folder with a private key file and helpers to open real outboxes in it.</summary>
internal sealed class OutboxFixture : IDisposable
{
    public OutboxFixture()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "outbox-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DbPath = System.IO.Path.Combine(Directory, "outbox.db");
        KeyFile = WriteKey("outbox.key");
    }

    public string Directory { get; }
    public string DbPath { get; }
    public string KeyFile { get; }

    public string WriteKey(string name, int length = 32, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = System.IO.Path.Combine(Directory, name);
        File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(length));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }

    public OutboxOptions Options(Action<OutboxOptions>? configure = null)
    {
        var options = new OutboxOptions { Path = DbPath, KeyFile = KeyFile, GatewayId = "gw-test-01" };
        configure?.Invoke(options);
        return options;
    }

    public Task<SqliteOutbox> OpenAsync(TimeProvider? time = null, Action<OutboxOptions>? configure = null) =>
        SqliteOutbox.OpenAsync(Options(configure), time ?? TimeProvider.System, NullLogger<SqliteOutbox>.Instance,
            TestContext.Current.CancellationToken);

    public static EntryRecord Record(string surname = "TRAVELLER", string documentNumber = "", DateOnly? birth = null,
        string issuing = "FRA", Guid? id = null) => new()
    {
        RecordId = id ?? Guid.CreateVersion7(),
        EntryCountry = "CAN",
        PortCode = "0427",
        PortName = "Lacolle",
        Lane = "2",
        EntryTime = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
        UtcOffset = "-05:00",
        Surname = surname,
        GivenNames = "ANNA MARIA",
        DateOfBirth = birth ?? new DateOnly(1984, 3, 17),
        Nationality = issuing,
        Sex = "F",
        DocumentType = DocumentTypes.Passport,
        DocumentCode = "P",
        DocumentNumber = documentNumber.Length > 0 ? documentNumber : Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(),
        IssuingCountry = issuing,
        Category = "third-country-national",
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leaked temp folder must not fail the test that made it.
        }
    }
}
