namespace EntryExit.Edge.Devices.Gpio;

/// <summary>The kind of presence sensor on a lane.</summary>
public enum PresenceSensorKind
{
    /// <summary>A break-beam or contact on a digital input, debounced.</summary>
    BreakBeam,

    /// <summary>An HC-SR501 PIR.</summary>
    Pir,
}
