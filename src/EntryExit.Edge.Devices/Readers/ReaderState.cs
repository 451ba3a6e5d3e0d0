namespace EntryExit.Edge.Devices.Readers;

/// <summary>Connection state of a document reader.</summary>
public enum ReaderState
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>The device is open and being read.</summary>
    Connected,

    /// <summary>The device is absent or was unplugged; the reader keeps trying to reopen it.</summary>
    Disconnected,

    /// <summary>An unexpected fault; the reader backs off and retries.</summary>
    Error,

    /// <summary>The source ended (file or standard input) or the reader was stopped.</summary>
    Stopped,
}
