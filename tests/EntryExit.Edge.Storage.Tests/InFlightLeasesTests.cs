using EntryExit.Edge.Storage.Sqlite;

namespace EntryExit.Edge.Storage.Tests;

/// <summary>The scan cursor: rows still due must be found again, rows settled for good need not be.</summary>
public sealed class InFlightLeasesTests
{
    private const long LeaseMs = 300_000;

    [Fact]
    public void Settling_a_record_keeps_the_cursor_and_releasing_one_lowers_it_below_that_record()
    {
        var leases = new InFlightLeases();
        var from = leases.BeginScan(nowMs: 0, LeaseMs); // the first scan starts at the beginning
        for (var seq = 1; seq <= 10; seq++)
        {
            leases.Lease(Id(seq), seq, LeaseMs);
        }

        leases.EndScan(from, lastSeq: 10);
        Assert.Equal(10, leases.BeginScan(nowMs: 1, LeaseMs));

        leases.Settle(Id(3)); // delivered: no scan needs to pass over rows 4-10 again for it
        Assert.Equal(10, leases.BeginScan(nowMs: 2, LeaseMs));
        Assert.False(leases.Contains(Id(3)));

        leases.Release(Id(5)); // handed back unsent: still due, so the next scan starts just below it
        Assert.Equal(4, leases.BeginScan(nowMs: 3, LeaseMs));
        Assert.False(leases.Contains(Id(5)));
        Assert.Equal(8, leases.Count);
    }

    private static Guid Id(int seq) => new($"00000000-0000-7000-8000-{seq:D12}");
}
