using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Host.Demo;

/// <summary>Simulated travellers from the hardware simulator's generator (its own MRZ writer), played onto the
/// demo lanes at a steady pace, with officer declarations sent as <c>#DECLARE</c> lines after the document.</summary>
internal sealed class DemoTraffic(IReadOnlyList<SimulatedLaneReader> lanes, int seed, DateOnly today, TimeProvider time)
{
    private readonly TrafficGenerator _generator = new(TrafficProfile.Default, seed, today);
    private int _travellers;
    private long _scansSent;

    /// <summary>Documents (scans) sent so far; declarations are not counted.</summary>
    public long ScansSent => Interlocked.Read(ref _scansSent);

    /// <summary>Travellers played so far.</summary>
    public int Travellers => Volatile.Read(ref _travellers);

    /// <summary>Plays <paramref name="count"/> travellers (or endlessly when null) at <paramref name="perSecond"/>.</summary>
    public async Task PlayAsync(int? count, double perSecond, CancellationToken cancellationToken)
    {
        var laneIds = lanes.Select(l => l.Lane).ToArray();
        var gap = TimeSpan.FromSeconds(1 / perSecond);
        var played = 0;
        while (count is null || played < count)
        {
            // The generator draws arrivals by time; the demo keeps its mix and replays them back to back.
            foreach (var traveller in _generator.Generate(laneIds, TimeSpan.FromHours(1)))
            {
                if (count is not null && played >= count)
                {
                    break;
                }

                var reader = lanes[Array.IndexOf(laneIds, traveller.Lane)];
                foreach (var scan in traveller.Scans)
                {
                    reader.Send(string.Join('\n', scan));
                    Interlocked.Increment(ref _scansSent);
                }

                // As at a real booth: the officer declares after the document is read, within the traveller's session.
                if (traveller.OfficerDeclaration is { } token)
                {
                    reader.Send($"#DECLARE {token}");
                }

                played++;
                Interlocked.Increment(ref _travellers);
                await Task.Delay(gap, time, cancellationToken);
            }
        }
    }
}
