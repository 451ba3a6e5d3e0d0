namespace EntryExit.Edge.Host.Configuration;

/// <summary>One entry of <c>Gpio:Lanes</c>: a lane's pin map (line offsets on <c>Gpio:Chip</c>). Every part is optional.</summary>
public sealed class GpioLaneSection
{
    /// <summary>The lane; a reader in <c>Readers</c> must serve it.</summary>
    public string Lane { get; set; } = string.Empty;

    /// <summary>The presence sensor: the traveller arriving and leaving drives the booth session. Absent: the lane
    /// ends a session on the next traveller's read or <c>Booth:SettleSeconds</c>, as without GPIO.</summary>
    public GpioPresenceSection? Presence { get; set; }

    /// <summary>How long a break-beam level or an officer button press must hold, in milliseconds (default 50).</summary>
    public int DebounceMilliseconds { get; set; } = 50;

    /// <summary>Green light (record accepted), output pin, active high.</summary>
    public int? GreenPin { get; set; }

    /// <summary>Amber light (please rescan), output pin, active high.</summary>
    public int? AmberPin { get; set; }

    /// <summary>Red light (officer attention: the document is held for a declaration), output pin, active high.</summary>
    public int? RedPin { get; set; }

    /// <summary>Active buzzer, output pin: a short pulse on amber and on red.</summary>
    public int? BuzzerPin { get; set; }

    /// <summary>Length of the buzzer pulse in milliseconds (default 150).</summary>
    public int BuzzerMilliseconds { get; set; } = 150;

    /// <summary>A 16×2 character LCD on a PCF8574 I2C backpack showing the booth's step ("Scan document", "Accepted",
    /// "Rescan", "See officer"); null: none. With <c>Gpio:Driver</c> "simulated" the simulator's display stands in.</summary>
    public GpioLcdSection? Lcd { get; set; }

    /// <summary>Officer buttons: status (<c>ca-citizen</c>, <c>us-citizen</c>, <c>registered-indian</c>,
    /// <c>protected-person</c>, <c>ca-pr</c>, <c>us-lpr</c>, <c>none</c>) to input pin; pull-up, pressed = low.</summary>
    public Dictionary<string, int> OfficerPins { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
