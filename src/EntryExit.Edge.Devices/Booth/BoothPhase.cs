namespace EntryExit.Edge.Devices.Booth;

/// <summary>Where a lane's booth session stands.</summary>
public enum BoothPhase
{
    /// <summary>No traveller.</summary>
    Idle,

    /// <summary>A traveller is there (or an officer declared first); no good read yet.</summary>
    AwaitingScan,

    /// <summary>A good read is in hand; waiting for the traveller to leave (or the timeout).</summary>
    Scanned,

    /// <summary>A hold: red light, waiting for the officer's declaration.</summary>
    AwaitingDeclaration,
}
