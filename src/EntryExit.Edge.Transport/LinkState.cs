namespace EntryExit.Edge.Transport;

/// <summary>State of the MQTT link as the <see cref="MqttConnectionSupervisor"/> sees it.</summary>
public enum LinkState
{
    /// <summary>No connection; the supervisor is waiting out a backoff or has not started.</summary>
    Disconnected,

    /// <summary>A connection attempt is under way.</summary>
    Connecting,

    /// <summary>Connected, and the retained "online" status has been published.</summary>
    Connected,
}
