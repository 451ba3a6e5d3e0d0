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
        var steps = new List<Step>();
        var order = 0;
        foreach (var t in Travellers)
        {
            var sink = sinks[t.Lane];
            steps.Add(new(t.ArrivesAfter, order++, null, () => presence?.Invoke(t.Lane, true)));
            var at = t.ArrivesAfter + TrafficGenerator.ScanSpacing;
            for (var i = 0; i < t.Scans.Count; i++, at += TrafficGenerator.ScanSpacing)
            {
                var scan = t.Scans[i];
                var last = i == t.Scans.Count - 1;
                steps.Add(new(at, order++, t.Lane, () =>
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
                steps.Add(new(at, order++, t.Lane, () => sink.SendDocument([$"#DECLARE {status}"])));
            }

            steps.Add(new(t.ArrivesAfter + t.Dwell, order++, null, () => presence?.Invoke(t.Lane, false)));
        }

        foreach (var fault in _scenario.Faults)
        {
            var sink = sinks[fault.Lane];
            var at = TimeSpan.FromSeconds(fault.AtSeconds);
            if (fault.Kind == FaultKind.Noise)
            {
                steps.Add(new(at, order++, fault.Lane, () => sink.SendNoise(fault.Bytes, random)));
            }
            else
            {
                steps.Add(new(at, order++, null, sink.Unplug));
                steps.Add(new(at + TimeSpan.FromSeconds(fault.DurationSeconds), order++, null, sink.Replug));
            }
        }

        await PlayStepsAsync(steps, cancellationToken);
    }

    // Steps run at their scaled time, in order. A send on a lane that needs silence between sends waits until that
    // much real time has passed since the lane's previous send: measured when the send happens, so a late step can
    // only lengthen the silence, never shorten it. Other lanes do not wait for it.
    private async Task PlayStepsAsync(List<Step> steps, CancellationToken cancellationToken)
    {
        var silence = _scenario.Lanes.ToDictionary(l => l.Lane, l => l.EffectiveMinimumSilence(), StringComparer.Ordinal);
        var lastSend = new Dictionary<string, long>(StringComparer.Ordinal);
        // When a lane's sends were put off, until when: a later send of that lane that comes due before then (or is
        // only processed after it, on a late wake-up) must queue behind them, never overtake them.
        var deferredUntil = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var queue = new PriorityQueue<Step, (TimeSpan Due, int Order)>();
        foreach (var step in steps)
        {
            queue.Enqueue(step, (Scaled(step.At), step.Order));
        }

        var start = _timeProvider.GetTimestamp();
        while (queue.TryDequeue(out var step, out var key))
        {
            var wait = key.Due - _timeProvider.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }

            if (step.SendLane is { } waiting && deferredUntil.TryGetValue(waiting, out var behind) && key.Due < behind)
            {
                queue.Enqueue(step, (behind, key.Order));
                continue;
            }

            if (step.SendLane is { } lane && silence.GetValueOrDefault(lane) is var quiet && quiet > TimeSpan.Zero
                && lastSend.TryGetValue(lane, out var previous) && _timeProvider.GetElapsedTime(previous) < quiet)
            {
                // Every send of this lane that comes too soon gets the same due time, so they keep their order.
                var due = _timeProvider.GetElapsedTime(start, previous) + quiet;
                deferredUntil[lane] = due;
                queue.Enqueue(step, (due, key.Order));
                continue;
            }

            step.Act();
            if (step.SendLane is { } sent)
            {
                lastSend[sent] = _timeProvider.GetTimestamp();
            }
        }
    }

    private TimeSpan Scaled(TimeSpan at) => TimeSpan.FromTicks((long)(at.Ticks / Math.Max(_scenario.TimeScale, 1e-6)));

    /// <summary>One thing the player does at a simulated time.</summary>
    /// <param name="At">Simulated time from the start of the day.</param>
    /// <param name="Order">Tie-break: the order the steps were planned in.</param>
    /// <param name="SendLane">The lane whose reader sends something (null for presence and plugging).</param>
    /// <param name="Act">What to do.</param>
    private sealed record Step(TimeSpan At, int Order, string? SendLane, Action Act);
}
