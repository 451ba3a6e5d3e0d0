namespace EntryExit.Edge.Devices.Gpio;

/// <summary>Whether a traveller stands at the booth of one lane.</summary>
public interface IPresenceSensor : IDisposable
{
    /// <summary>The lane.</summary>
    string Lane { get; }

    /// <summary>Whether someone is present now (debounced).</summary>
    bool IsPresent { get; }

    /// <summary>Raised on each debounced change (true: arrived, false: left).</summary>
    event EventHandler<bool>? PresenceChanged;
}
