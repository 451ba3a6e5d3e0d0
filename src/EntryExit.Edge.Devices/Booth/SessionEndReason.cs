namespace EntryExit.Edge.Devices.Booth;

/// <summary>Why a booth session ended.</summary>
public enum SessionEndReason
{
    /// <summary>The presence sensor saw the traveller leave.</summary>
    TravellerLeft,

    /// <summary>A timeout passed (no sensor, a declaration never came, or the sensor is stuck).</summary>
    Timeout,

    /// <summary>Lane without a sensor: a new good read started the next traveller's session.</summary>
    NextTraveller,

    /// <summary>The gateway is stopping: what the session holds is handed over rather than lost.</summary>
    Flushed,
}
