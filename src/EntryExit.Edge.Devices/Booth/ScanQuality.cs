namespace EntryExit.Edge.Devices.Booth;

/// <summary>The caller's verdict on one scan (the booth does not read documents itself).</summary>
public enum ScanQuality
{
    /// <summary>Not a usable read (check digits failed, not a document): ask for a rescan.</summary>
    Unreadable,

    /// <summary>A good read that needs nothing more.</summary>
    Good,

    /// <summary>A good read the gateway must hold until the officer declares a status.</summary>
    NeedsDeclaration,
}
