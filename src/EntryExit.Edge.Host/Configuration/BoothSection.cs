namespace EntryExit.Edge.Host.Configuration;

/// <summary>Configuration section <c>Booth</c>: how a lane decides that a traveller's session is over.</summary>
public sealed class BoothSection
{
    /// <summary>On a lane without a presence sensor, seconds after a good read (and no further read or declaration)
    /// before the record is final (default 8). A good read of the next traveller ends it at once.</summary>
    public double SettleSeconds { get; set; } = 8;

    /// <summary>Seconds a held document waits for the officer's declaration (default 120).</summary>
    public double DeclarationTimeoutSeconds { get; set; } = 120;

    /// <summary>Longest session on a lane with a presence sensor, in seconds (default 300).</summary>
    public double MaxSessionSeconds { get; set; } = 300;
}
