using System.Diagnostics;
using EntryExit.Edge.HardwareSim.Readers;
using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Chaos.Booth;

/// <summary>
/// One booth lane: sends its travellers' frames (misreads, the good read, the officer's declaration) to its
/// virtual reader on a pty, one traveller after the other, and rescans travellers first when asked to (after a
/// kill or a refusal), as a booth officer would.
/// </summary>
internal sealed class LaneDriver : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<SimulatedTraveller> _traffic;
    private readonly SortedDictionary<int, SimulatedTraveller> _rescans = [];
    private readonly List<SentSession> _sessions = [];
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly TextWriter? _trace;
    private int _instance = 1;

    public LaneDriver(string lane, SimFraming framing, string linkDirectory, IEnumerable<SimulatedTraveller> traffic, TimeSpan gap, TextWriter? trace = null)
    {
        _trace = trace;
        Lane = lane;
        Framing = framing;
        Gap = gap;
        Reader = new VirtualDocumentReader($"lane{lane}", framing, linkDirectory);
        _traffic = new Queue<SimulatedTraveller>(traffic);
    }

    public string Lane { get; }

    public SimFraming Framing { get; }

    public TimeSpan Gap { get; }

    public VirtualDocumentReader Reader { get; }

    public int FramesSent { get; private set; }

    public int ScansSent { get; private set; }

    /// <summary>Scans of first visits (rescans not counted): the run's progress.</summary>
    public int OriginalScansSent { get; private set; }

    public int Rescans { get; private set; }

    public int SendFailures { get; private set; }

    /// <summary>Original travellers not yet sent, plus rescans waiting.</summary>
    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                return _traffic.Count + _rescans.Count;
            }
        }
    }

    /// <summary>Every visit of the run, in the order it began.</summary>
    public IReadOnlyList<SentSession> Sessions
    {
        get
        {
            lock (_lock)
            {
                return [.. _sessions];
            }
        }
    }

    /// <summary>Sends until <paramref name="finished"/> says the run is over and nothing is left.</summary>
    public async Task RunAsync(Func<bool> finished, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            SimulatedTraveller? next = null;
            var rescan = false;
            lock (_lock)
            {
                if (_rescans.Count > 0)
                {
                    var first = _rescans.First();
                    _rescans.Remove(first.Key);
                    (next, rescan) = (first.Value, true);
                }
                else if (_traffic.Count > 0)
                {
                    next = _traffic.Dequeue();
                }
            }

            if (next is null)
            {
                if (finished())
                {
                    return;
                }

                await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
                continue;
            }

            await VisitAsync(next, rescan, cancellationToken);
        }
    }

    /// <summary>Stops sending after the frame in progress (the gateway is about to die or is down). Dispose to resume.</summary>
    public async Task<IDisposable> HaltAsync(CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken);
        return new Releaser(_send);
    }

    /// <summary>
    /// While halted, after the gateway died at <paramref name="at"/>: every visit of the dead process that was not
    /// finalised by then (still open, or ended less than <paramref name="grace"/> before) is rescanned by the new one.
    /// </summary>
    public int RescanUnfinalised(long at, TimeSpan settle, TimeSpan grace)
    {
        lock (_lock)
        {
            var added = 0;
            for (var i = _sessions.Count - 1; i >= 0; i--)
            {
                var session = _sessions[i];
                if (session.GatewayInstance != _instance)
                {
                    break; // sent to an earlier process: settled at that process's death
                }

                if (session.FinalisedBy(at, settle, grace))
                {
                    break; // sessions end in order on a lane: everything before this one ended earlier
                }

                added += AddRescan(session.Traveller);
            }

            _instance++;
            return added;
        }
    }

    /// <summary>Rescans every visit on this lane whose session ended within [from, to] (a refusal or a full disk).</summary>
    public int RescanEndedWithin(long from, long to, TimeSpan settle)
    {
        lock (_lock)
        {
            var added = 0;
            foreach (var session in _sessions)
            {
                var ended = session.EndedAt(settle);
                if (ended >= from && ended <= to)
                {
                    added += AddRescan(session.Traveller);
                }
            }

            return added;
        }
    }

    public void Dispose()
    {
        Reader.Dispose();
        _send.Dispose();
        _wake.Dispose();
    }

    private int AddRescan(SimulatedTraveller traveller)
    {
        if (!_rescans.TryAdd(traveller.Sequence, traveller))
        {
            return 0;
        }

        Rescans++;
        _wake.Release();
        return 1;
    }

    private async Task VisitAsync(SimulatedTraveller traveller, bool rescan, CancellationToken cancellationToken)
    {
        SentSession? session = null;
        int instance;
        lock (_lock)
        {
            instance = _instance;
        }

        var frames = traveller.Scans.Select(s => (Lines: s, Scan: true)).ToList();
        if (traveller.OfficerDeclaration is { } status)
        {
            frames.Add(([$"#DECLARE {status}"], false));
        }

        for (var i = 0; i < frames.Count; i++)
        {
            await _send.WaitAsync(cancellationToken);
            try
            {
                lock (_lock)
                {
                    if (_instance != instance)
                    {
                        if (i == 0)
                        {
                            _rescans.TryAdd(traveller.Sequence, traveller); // not sent at all: the visit starts again
                        }

                        return; // the gateway died during this visit: it is in the rescans already
                    }
                }

                try
                {
                    Reader.SendDocument(frames[i].Lines);
                }
                catch (IOException)
                {
                    // Nobody read the pty for seconds: the booth saw no light and scans the traveller again later.
                    lock (_lock)
                    {
                        SendFailures++;
                        AddRescan(traveller);
                    }

                    return;
                }

                var now = Stopwatch.GetTimestamp();
                lock (_lock)
                {
                    FramesSent++;
                    ScansSent += frames[i].Scan ? 1 : 0;
                    OriginalScansSent += frames[i].Scan && !rescan ? 1 : 0;
                    if (i == 0)
                    {
                        session = new SentSession(traveller, rescan, instance);
                        _sessions.Add(session);
                    }

                    if (i == traveller.Scans.Count - 1 && _sessions.Count > 1)
                    {
                        // The final read (good, or a document to hold) of this traveller ends the previous session.
                        _sessions[^2].ClosedAt ??= now;
                    }

                    session!.LastSentAt = now;
                }

                // Synthetic travellers only: their sequence and kind, never their document.
                _trace?.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{DateTime.Now:HH:mm:ss.fff} lane {Lane} gw {instance} #{traveller.Sequence} {traveller.Kind} frame {i + 1}/{frames.Count}{(frames[i].Scan ? "" : " declaration")}{(rescan ? " rescan" : "")}"));
            }
            finally
            {
                _send.Release();
            }

            await Task.Delay(Gap, cancellationToken);
        }

        lock (_lock)
        {
            session!.Complete = true;
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
