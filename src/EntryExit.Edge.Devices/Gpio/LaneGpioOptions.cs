namespace EntryExit.Edge.Devices.Gpio;

/// <summary>One lane's pin map (bound from configuration). Every pin is optional.</summary>
public sealed class LaneGpioOptions
{
    /// <summary>The lane (matches the reader's lane).</summary>
    public string Lane { get; set; } = "1";

    /// <summary>Presence sensor input pin; none means the lane works from scans and timeouts alone.</summary>
    public int? PresencePin { get; set; }

    /// <summary>The presence sensor kind.</summary>
    public PresenceSensorKind PresenceKind { get; set; } = PresenceSensorKind.BreakBeam;

    /// <summary>Break-beam: present when the line is low (pull-up wiring).</summary>
    public bool PresenceActiveLow { get; set; } = true;

    /// <summary>How long a presence level must hold (break-beam; extra hold for a PIR).</summary>
    public int DebounceMilliseconds { get; set; } = 50;

    /// <summary>Green light (accepted).</summary>
    public int? GreenPin { get; set; }

    /// <summary>Amber light (rescan).</summary>
    public int? AmberPin { get; set; }

    /// <summary>Red light (officer attention).</summary>
    public int? RedPin { get; set; }

    /// <summary>Active buzzer (optional).</summary>
    public int? BuzzerPin { get; set; }

    /// <summary>Buzzer pulse length.</summary>
    public int BuzzerMilliseconds { get; set; } = 150;

    /// <summary>Officer buttons: status token (see <see cref="OfficerStatusTokens"/>) to input pin, pressed = low.</summary>
    public Dictionary<string, int> OfficerPins { get; set; } = [];
}
