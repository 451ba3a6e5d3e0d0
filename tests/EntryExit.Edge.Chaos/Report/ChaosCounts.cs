namespace EntryExit.Edge.Chaos.Report;

/// <summary>The report table's figures.</summary>
internal sealed record ChaosCounts(
    int Scans,
    int Travellers,
    int Eligible,
    int Delivered,
    int Duplicates,
    int Lost,
    int ForbiddenSeen,
    int Kills,
    int BrokerRestarts,
    int NetworkFaults,
    int DiskFills,
    int ClockJumps,
    TimeSpan Duration);
