namespace EntryExit.Edge.Devices.Readers;

/// <summary>A reader changed state.</summary>
/// <param name="readerId">The reader id.</param>
/// <param name="lane">The lane.</param>
/// <param name="state">The new state.</param>
/// <param name="reason">Why, for a technician (no document data).</param>
/// <param name="at">When.</param>
public sealed class ReaderStateChangedEventArgs(string readerId, string lane, ReaderState state, string? reason, DateTimeOffset at) : EventArgs
{
    /// <summary>The reader id.</summary>
    public string ReaderId { get; } = readerId;

    /// <summary>The lane.</summary>
    public string Lane { get; } = lane;

    /// <summary>The new state.</summary>
    public ReaderState State { get; } = state;

    /// <summary>Why the state changed (exception type and message of a device fault), or null.</summary>
    public string? Reason { get; } = reason;

    /// <summary>When it changed.</summary>
    public DateTimeOffset At { get; } = at;
}
