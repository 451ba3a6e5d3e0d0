using System.Diagnostics;
using EntryExit.Edge.HardwareSim.Readers;
using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Chaos.Booth;

/// <summary>All lanes of the port: their drivers, halting them around a gateway restart, and rescan requests.</summary>
internal sealed class BoothFloor : IDisposable
{
    // Every framing, mixed over the lanes. Bare lines end a document with silence: the gateway's serial readers wait
    // 500 ms of it (polled every 125 ms), so that lane paces at a second per frame.
    private static readonly SimFraming[] Framings = [SimFraming.StxEtx, SimFraming.ThreeM, SimFraming.Lines, SimFraming.BareLines];
    private static readonly TimeSpan IdleGapMargin = TimeSpan.FromMilliseconds(900);

    private readonly TimeSpan _settle;
    private readonly TimeSpan _grace;
    private readonly Lock _deferredLock = new();
    private readonly List<(string? Lane, long From, long To)> _deferred = [];

    public BoothFloor(IReadOnlyList<SimulatedTraveller> travellers, int lanes, string linkDirectory, ChaosOptions options, TextWriter? trace = null)
    {
        _settle = TimeSpan.FromSeconds(options.SettleSeconds);
        _grace = options.FinaliseGrace;
        Travellers = travellers;
        Lanes = [.. Enumerable.Range(1, lanes).Select(i =>
        {
            var lane = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var framing = FramingOf(i);
            var gap = Gap(framing, options);
            return new LaneDriver(lane, framing, linkDirectory, travellers.Where(t => t.Lane == lane), gap, trace);
        })];
    }

    public IReadOnlyList<SimulatedTraveller> Travellers { get; }

    /// <summary>The framing of lane <paramref name="lane"/> (1-based): every framing, in turn.</summary>
    public static SimFraming FramingOf(int lane) => Framings[(lane - 1) % Framings.Length];

    /// <summary>Pause between two frames on a lane of that framing.</summary>
    public static TimeSpan Gap(SimFraming framing, ChaosOptions options) =>
        framing == SimFraming.BareLines ? options.FrameGap + IdleGapMargin : options.FrameGap;

    public IReadOnlyList<LaneDriver> Lanes { get; }

    public int TotalScans => Travellers.Sum(t => t.Scans.Count);

    public int ScansSent => Lanes.Sum(l => l.ScansSent);

    public int Remaining => Lanes.Sum(l => l.Remaining);

    /// <summary>Share of the original traffic's scans sent (0–1).</summary>
    public double Progress => (double)Lanes.Sum(l => l.OriginalScansSent) / Math.Max(1, TotalScans);

    /// <summary>When the last session on any lane ended (or will end, by the settle time).</summary>
    public long LastSessionEnd => Lanes.SelectMany(l => l.Sessions.TakeLast(1)).Select(s => s.EndedAt(_settle)).DefaultIfEmpty(0).Max();

    /// <summary>Stops every lane after its frame in progress; dispose the result to let them go on.</summary>
    public async Task<IDisposable> HaltAsync(CancellationToken cancellationToken)
    {
        var halts = new List<IDisposable>();
        foreach (var lane in Lanes)
        {
            halts.Add(await lane.HaltAsync(cancellationToken));
        }

        return new All(halts);
    }

    /// <summary>The gateway died at <paramref name="at"/> (lanes halted): rescan what it had not finalised. Returns how many.</summary>
    public int RescanUnfinalised(long at) => Lanes.Sum(l => l.RescanUnfinalised(at, _settle, _grace));

    /// <summary>A refusal on <paramref name="lane"/> (or, with null, a disk-full window on every lane): rescan the
    /// sessions that ended in the window, once the outbox accepts again (<see cref="FlushDeferred"/>).</summary>
    public void Defer(string? lane, long from, long to)
    {
        lock (_deferredLock)
        {
            _deferred.Add((lane, from - SentSession.Ticks(_grace), to));
        }
    }

    public bool HasDeferred
    {
        get
        {
            lock (_deferredLock)
            {
                return _deferred.Count > 0;
            }
        }
    }

    /// <summary>Turns deferred requests into rescans. Returns how many travellers were queued.</summary>
    public int FlushDeferred()
    {
        List<(string? Lane, long From, long To)> requests;
        lock (_deferredLock)
        {
            requests = [.. _deferred];
            _deferred.Clear();
        }

        return requests.Sum(r => Lanes.Where(l => r.Lane is null || l.Lane == r.Lane).Sum(l => l.RescanEndedWithin(r.From, r.To, _settle)));
    }

    /// <summary>Replugs every reader: bytes the dead gateway never read are gone, as on a real USB reader.</summary>
    public void ReplugAll()
    {
        foreach (var lane in Lanes)
        {
            lane.Reader.Unplug();
            lane.Reader.Replug();
        }
    }

    public static long Now => Stopwatch.GetTimestamp();

    public void Dispose()
    {
        foreach (var lane in Lanes)
        {
            lane.Dispose();
        }
    }

    private sealed class All(List<IDisposable> items) : IDisposable
    {
        public void Dispose() => items.ForEach(i => i.Dispose());
    }
}
