using System.Diagnostics;
using EntryExit.Edge.Storage;
using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Storage.Tests;

public sealed class CrashTests : IDisposable
{
    private const int Kills = 24;
    private readonly OutboxFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Every_acknowledged_append_survives_repeated_SIGKILL_exactly_once()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("SIGKILL semantics are tested on Linux.");
        }

        var seed = Environment.TickCount;
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var acknowledged = new List<Guid>();

        for (var kill = 0; kill < Kills; kill++)
        {
            // Kill after a random number of acknowledgements (0..40): the writers are mid-batch at that moment.
            acknowledged.AddRange(await RunChildAndKillAsync(random.Next(0, 41), writers: 1 + random.Next(8)));
        }

        Assert.True(acknowledged.Count > Kills, $"only {acknowledged.Count} appends were acknowledged");
        await using (var outbox = await _fixture.OpenAsync())
        {
            var stored = (await outbox.ListAsync(null, int.MaxValue, _ct)).GroupBy(e => e.RecordId).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(acknowledged, id => Assert.Equal(1, stored.GetValueOrDefault(id)));
            Assert.Equal(stored.Count, (await outbox.GetStatusAsync(_ct)).Pending);
        }

        using var connection = new SqliteConnection($"Data Source={_fixture.DbPath};Pooling=False");
        connection.Open();
        Assert.Equal("ok", OutboxLifecycleTests.Pragma(connection, "integrity_check"));
    }

    private async Task<List<Guid>> RunChildAndKillAsync(int killAfterAcks, int writers)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "EntryExit.Edge.Storage.CrashChild.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[child, _fixture.DbPath, _fixture.KeyFile, writers.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(_ct);
        var ids = new List<Guid>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (ready != "ready")
            {
                process.Kill();
                Assert.Fail($"child did not start: {ready} {await stderr}");
            }

            while (ids.Count < killAfterAcks && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                ids.Add(Guid.Parse(line));
            }
        }
        finally
        {
            process.Kill(); // SIGKILL on Unix: no finalizers, no dispose, no flush.
            await process.WaitForExitAsync(_ct);
        }

        // Lines already printed before the kill are acknowledged too; a torn last line is not a full id.
        var rest = await process.StandardOutput.ReadToEndAsync(_ct);
        foreach (var line in rest.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Guid.TryParseExact(line.Trim(), "D", out var id) && line.Trim().Length == 36)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
