using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>A booth day as a JSON scenario file describes it: lanes, traffic and faults.</summary>
public sealed class Scenario
{
    /// <summary>Name shown to the trainer.</summary>
    public string Name { get; set; } = "booth day";

    /// <summary>Seed of the traffic generator.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The simulated date (documents expire after it).</summary>
    public DateOnly Date { get; set; } = new(2026, 7, 1);

    /// <summary>Length of the simulated day in minutes.</summary>
    public double DurationMinutes { get; set; } = 60;

    /// <summary>Simulated seconds per real second (60: an hour plays in a minute).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Traffic mix and rates.</summary>
    public TrafficProfile Profile { get; set; } = TrafficProfile.Default;

    /// <summary>The lanes and their reader framings.</summary>
    public List<ScenarioLane> Lanes { get; set; } = [];

    /// <summary>Faults to inject.</summary>
    public List<ScenarioFault> Faults { get; set; } = [];
}
