namespace EntryExit.Edge.Chaos.Report;

/// <summary>Faults actually injected (not planned: done). Fields, so fault tasks can count with <see cref="Interlocked"/>.</summary>
internal sealed class FaultCounts
{
#pragma warning disable SA1401, CA1051 // counters bumped with Interlocked
    public int Kills;
    public int BrokerRestarts;
    public int Cuts;
    public int BlackHoles;
    public int Slowdowns;
    public int DiskFills;
    public int ClockJumps;

    /// <summary>Jumps the gateway's own log clock showed.</summary>
    public int ClockJumpsSeen;
#pragma warning restore SA1401, CA1051

    public int NetworkFaults => Cuts + BlackHoles + Slowdowns;
}
