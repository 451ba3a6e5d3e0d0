using System.Collections.Concurrent;
using EntryExit.Edge.Chaos.Booth;
using EntryExit.Edge.Chaos.Broker;
using EntryExit.Edge.Chaos.Gateway;
using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Chaos.Report;

/// <summary>Everything a run observed, handed to <see cref="ChaosAnalysis"/>.</summary>
internal sealed record RunEvidence(
    IReadOnlyList<SimulatedTraveller> Travellers,
    BoothFloor Floor,
    ExchangeRecorder Exchange,
    ConcurrentDictionary<Guid, StoredEvent> Stored,
    OutboxSnapshot Outbox,
    int GatewayStopExitCode,
    FaultCounts Faults,
    string DiskDescription,
    string ClockDescription,
    string GatewayDescription,
    TimeSpan Duration,
    TimeSpan DrainDuration)
{
    public int Refusals { get; init; }

    public int DuplicateScans { get; init; }

    public int FailedStarts { get; init; }

    public IReadOnlyList<(int Instance, int ExitCode)> UnexpectedExits { get; init; } = [];

    public IReadOnlyList<string> MovedAside { get; init; } = [];

    public IReadOnlyDictionary<int, int> ErrorsByEvent { get; init; } = new Dictionary<int, int>();

    public IReadOnlyDictionary<int, string> FirstErrorText { get; init; } = new Dictionary<int, string>();

    public int RescansAfterRefusal { get; init; }

    public IReadOnlyList<string> GatewayLogs { get; init; } = [];

    public required string WorkDirectory { get; init; }

    public int Seed { get; init; }

    public required ChaosOptions Requested { get; init; }
}
