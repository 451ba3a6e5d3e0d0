namespace EntryExit.Edge.Chaos.Faults;

/// <summary>The kinds of fault a run injects.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL the gateway, then start it again.</summary>
    Kill,

    /// <summary>Stop Mosquitto cleanly (SIGTERM), keep it down a moment, start it again.</summary>
    BrokerRestart,

    /// <summary>The proxy resets every connection and refuses new ones.</summary>
    Cut,

    /// <summary>The proxy accepts and forwards nothing.</summary>
    BlackHole,

    /// <summary>The proxy adds latency and caps the byte rate.</summary>
    Slow,

    /// <summary>The outbox's file system fills up, then is freed.</summary>
    DiskFill,

    /// <summary>The gateway's wall clock steps.</summary>
    ClockJump,
}
