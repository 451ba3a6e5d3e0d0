using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>
/// Plays a scenario in (scaled) real time: each traveller arrives (presence), is scanned (misreads first, then
/// the rescan), the officer declares if the traveller needs it, and leaves after the dwell time; faults fire on
/// their lanes. Presence goes to an optional callback (the simulated GPIO driver, when in process).
/// </summary>
public sealed class ScenarioPlayer
{
    private readonly Scenario _scenario;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a player and generates the day (deterministic from the scenario's seed).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="timeProvider">Clock (the system clock for real runs).</param>
    public ScenarioPlayer(Scenario scenario, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _timeProvider = timeProvider;
        Travellers = new TrafficGenerator(scenario.Profile, scenario.Seed, scenario.Date)
            .Generate([.. scenario.Lanes.Select(l => l.Lane)], TimeSpan.FromMinutes(scenario.DurationMinutes));
    }

    /// <summary>The generated travellers with their ground truth.</summary>
    public IReadOnlyList<SimulatedTraveller> Travellers { get; }

    /// <summary>Raised as each traveller's last scan is sent (progress for the trainer; no document data).</summary>
    public event EventHandler<SimulatedTraveller>? TravellerScanned;

    /// <summary>Plays the day to the lane sinks.</summary>
    /// <param name="sinks">Sink per lane.</param>
    /// <param name="presence">Called with (lane, present) on arrival and departure; null when no sensors are simulated.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>A task that completes when the day is over.</returns>
    public async Task PlayAsync(IReadOnlyDictionary<string, ILaneSink> sinks, Action<string, bool>? presence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        var random = new Random(_scenario.Seed);
        var steps = new List<(TimeSpan At, int Order, Action Act)>();
        var order = 0;
        foreach (var t in Travellers)
        {
            var sink = sinks[t.Lane];
            steps.Add((t.ArrivesAfter, order++, () => presence?.Invoke(t.Lane, true)));
            var at = t.ArrivesAfter + TrafficGenerator.ScanSpacing;
            for (var i = 0; i < t.Scans.Count; i++, at += TrafficGenerator.ScanSpacing)
            {
                var scan = t.Scans[i];
                var last = i == t.Scans.Count - 1;
                steps.Add((at, order++, () =>
                {
                    sink.SendDocument(scan);
                    if (last)
                    {
                        TravellerScanned?.Invoke(this, t);
                    }
                }));
            }

            if (t.OfficerDeclaration is { } status)
            {
                steps.Add((at, order++, () => sink.SendDocument([$"#DECLARE {status}"])));
            }

            steps.Add((t.ArrivesAfter + t.Dwell, order++, () => presence?.Invoke(t.Lane, false)));
        }

        foreach (var fault in _scenario.Faults)
        {
            var sink = sinks[fault.Lane];
            var at = TimeSpan.FromSeconds(fault.AtSeconds);
            if (fault.Kind == FaultKind.Noise)
            {
                steps.Add((at, order++, () => sink.SendNoise(fault.Bytes, random)));
            }
            else
            {
                steps.Add((at, order++, sink.Unplug));
                steps.Add((at + TimeSpan.FromSeconds(fault.DurationSeconds), order++, sink.Replug));
            }
        }

        var start = _timeProvider.GetTimestamp();
        foreach (var (at, _, act) in steps.OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            var due = TimeSpan.FromTicks((long)(at.Ticks / Math.Max(_scenario.TimeScale, 1e-6)));
            var wait = due - _timeProvider.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }

            act();
        }
    }
}
