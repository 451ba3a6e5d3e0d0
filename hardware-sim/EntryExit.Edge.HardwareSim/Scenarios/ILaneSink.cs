namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>Where a lane's scans go: a virtual reader on a pty, or a FIFO the gateway reads.</summary>
public interface ILaneSink
{
    /// <summary>Sends one document (or a one-line officer command) in the lane's framing.</summary>
    /// <param name="lines">The lines.</param>
    void SendDocument(IReadOnlyList<string> lines);

    /// <summary>Sends noise.</summary>
    /// <param name="count">Bytes.</param>
    /// <param name="random">Seeded source.</param>
    void SendNoise(int count, Random random);

    /// <summary>Pulls the reader (no-op where that cannot be simulated).</summary>
    void Unplug();

    /// <summary>Plugs it back.</summary>
    void Replug();
}
