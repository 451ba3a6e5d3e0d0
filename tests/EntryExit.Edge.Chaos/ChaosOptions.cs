namespace EntryExit.Edge.Chaos;

/// <summary>What one chaos run does: how much traffic, which faults how often, and where the gateway is.</summary>
internal sealed class ChaosOptions
{
    /// <summary>Scans to send (document frames, misreads included; rescans come on top).</summary>
    public int Scans { get; set; } = 10_000;

    /// <summary>Lanes, each with its own virtual reader on a pty; framings rotate over the lanes.</summary>
    public int Lanes { get; set; } = 8;

    /// <summary>Seed of the traffic and of the fault plan.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>SIGKILLs of the gateway (each followed by a restart).</summary>
    public int Kills { get; set; } = 12;

    /// <summary>Mosquitto restarts (SIGTERM, so its persistence file is written, then a new process).</summary>
    public int BrokerRestarts { get; set; } = 4;

    /// <summary>Network faults through the proxy; they rotate over cut (RST), black hole and slow.</summary>
    public int NetworkFaults { get; set; } = 12;

    /// <summary>Disk-full episodes (the outbox's file system filled, held, freed).</summary>
    public int DiskFills { get; set; } = 3;

    /// <summary>Wall-clock jumps of the gateway's clock (libfaketime).</summary>
    public int ClockJumps { get; set; } = 4;

    /// <summary>Pause between two frames on a lane (a busy booth). Idle-timeout lanes wait longer (their frame ends with silence).</summary>
    public TimeSpan FrameGap { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Booth:SettleSeconds given to the gateway (lanes have no presence sensor).</summary>
    public double SettleSeconds { get; set; } = 3;

    /// <summary>
    /// A booth session counts as finalised this long after it closed (the next traveller's good read, or the
    /// settle time): by then its record must be in the outbox. Sessions that closed later than this before a kill
    /// (or were still open) are rescanned after the restart, as the booth officer would.
    /// </summary>
    public TimeSpan FinaliseGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the end of the run waits for the last records to arrive before it counts what is missing.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The gateway to run: an executable (the published <c>entryexit-edge</c>) or <c>entryexit-edge.dll</c>
    /// (run with <c>dotnet exec</c>). Null: the build output of src/EntryExit.Edge.Host next to this repository.
    /// </summary>
    public string? Gateway { get; set; }

    /// <summary>Where the run keeps its files (configuration, outbox, logs, broker). Null: a new temp folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Keep the work folder after a passing run (a failing run always keeps it).</summary>
    public bool KeepWorkDirectory { get; set; }

    /// <summary>How the disk fills: auto (loop-mounted ext4, then tmpfs, then the outbox's record cap), loop, tmpfs or cap.</summary>
    public DiskMode DiskMode { get; set; } = DiskMode.Auto;

    /// <summary>Size of the loop or tmpfs file system that holds the outbox.</summary>
    public long DiskBytes { get; set; } = 48L << 20;

    /// <summary>Progress lines go here (null: none).</summary>
    public TextWriter? Progress { get; set; }
}
