namespace EntryExit.Edge.Chaos.Faults;

/// <summary>
/// The faults of a run, drawn from the seed: each fires when the traffic has reached a given share of its scans.
/// Kills, broker restarts, network faults, disk fills and clock jumps are spread over the run (jittered, so they
/// land at random moments of the gateway's work and sometimes overlap one another).
/// </summary>
internal static class FaultPlan
{
    // Alternating forward and backward steps, as a bad RTC corrected by NTP, or a technician's `date -s`, would make.
    private static readonly TimeSpan[] ClockOffsets =
    [
        TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(-45), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(-30),
        TimeSpan.FromHours(3), TimeSpan.FromMinutes(-75),
    ];

    public static List<FaultStep> Create(ChaosOptions options)
    {
        var random = new Random(options.Seed * 7919 + 17);
        var steps = new List<FaultStep>();
        steps.AddRange(Spread(options.Kills, random, _ => new FaultStep(0, FaultKind.Kill, Seconds(random, 0.1, 1.5))));
        steps.AddRange(Spread(options.BrokerRestarts, random, _ => new FaultStep(0, FaultKind.BrokerRestart, Seconds(random, 0.5, 3))));
        steps.AddRange(Spread(options.NetworkFaults, random, i => (i % 3) switch
        {
            0 => new FaultStep(0, FaultKind.Cut, Seconds(random, 2, 6)),
            1 => new FaultStep(0, FaultKind.BlackHole, Seconds(random, 5, 15)),
            _ => new FaultStep(0, FaultKind.Slow, Seconds(random, 6, 15))
            {
                Latency = TimeSpan.FromMilliseconds(random.Next(50, 400)),
                BytesPerSecond = random.Next(4, 64) * 1024,
            },
        }));
        steps.AddRange(Spread(options.DiskFills, random, _ => new FaultStep(0, FaultKind.DiskFill, Seconds(random, 4, 12))));
        steps.AddRange(Spread(options.ClockJumps, random, i => new FaultStep(0, FaultKind.ClockJump, TimeSpan.FromSeconds(10))
        {
            ClockOffset = ClockOffsets[i % ClockOffsets.Length],
            WhileRecordsWait = i > 0 && ClockOffsets[i % ClockOffsets.Length] < ClockOffsets[(i - 1) % ClockOffsets.Length],
        }));
        return [.. steps.OrderBy(s => s.AtProgress)];
    }

    // n steps over (3 %, 85 %) of the traffic, one per equal slice, at a random point of its slice: the traffic goes on
    // after the last one, so its effects (waiting records, refusals, rescans) meet live traffic.
    private static IEnumerable<FaultStep> Spread(int count, Random random, Func<int, FaultStep> make)
    {
        for (var i = 0; i < count; i++)
        {
            var slice = 0.82 / count;
            yield return make(i) with { AtProgress = 0.03 + (slice * i) + (slice * (0.1 + (0.8 * random.NextDouble()))) };
        }
    }

    private static TimeSpan Seconds(Random random, double min, double max) => TimeSpan.FromSeconds(min + ((max - min) * random.NextDouble()));
}
