using System.Globalization;
using EntryExit.Edge.Chaos.Broker;
using EntryExit.Edge.Chaos.Faults;
using Xunit;

namespace EntryExit.Edge.Chaos.Tests;

/// <summary>
/// The chaos suite's short version (issue 7), run by <c>dotnet test</c> and CI: the same runner as the long version
/// (docs/chaos.md), with fewer scans and faults. The real gateway process, 8 lanes over ptys, a real Mosquitto behind
/// a fault proxy; SIGKILLs, a broker restart, a cut, a black hole and a slow link, a full disk, clock steps.
/// </summary>
public sealed class ChaosShortRunTests
{
    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Short_chaos_run_delivers_every_eligible_record_shares_none_other_and_keeps_the_outbox_intact()
    {
        Require(MosquittoBroker.Executable is not null, "mosquitto is not installed (apt-get install mosquitto)");
        Require(ClockControl.Library is not null, "libfaketime is not installed (apt-get install faketime)");
        var ct = TestContext.Current.CancellationToken;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(9)); // only stops a broken run from hanging CI; the run takes 2–3 minutes

        var options = new ChaosOptions
        {
            Scans = 1_500,
            Seed = int.TryParse(Environment.GetEnvironmentVariable("ENTRYEXIT_CHAOS_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261128,
            Kills = 3,
            BrokerRestarts = 1,
            NetworkFaults = 3,
            DiskFills = 1,
            ClockJumps = 2,
            DrainTimeout = TimeSpan.FromMinutes(2),
            // CI passes the binary deploy-edge/scripts/ci.sh published; otherwise the build output of the gateway.
            Gateway = Environment.GetEnvironmentVariable("CHAOS_GATEWAY_BINARY") is { Length: > 0 } published ? published : null,
            Progress = new TestOutputWriter(TestContext.Current.TestOutputHelper),
        };

        var result = await ChaosRunner.RunAsync(options, limit.Token);

        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.True(result.Passed, "the gateway broke a promise under chaos:" + Environment.NewLine + string.Join(Environment.NewLine, result.Problems));
        var c = result.Counts;
        Assert.Equal((c.Eligible, 0, 0), (c.Delivered, c.Lost, c.ForbiddenSeen));
        Assert.True(c.Kills >= options.Kills && c.BrokerRestarts >= options.BrokerRestarts && c.NetworkFaults >= options.NetworkFaults
                    && c.DiskFills >= options.DiskFills && c.ClockJumps >= options.ClockJumps, "not every planned fault was injected: " + result.Table);
        Assert.InRange(c.Scans, options.Scans, int.MaxValue);
    }

    // Skipped where a tool is missing, except under CI, where .ci/run installs it and the test must run.
    private static void Require(bool present, string what)
    {
        if (present)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail("CI=true but " + what);
        }

        Assert.Skip(what);
    }
}
