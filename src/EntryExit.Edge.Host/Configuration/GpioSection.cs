namespace EntryExit.Edge.Host.Configuration;

/// <summary>Configuration section <c>Gpio</c>: the booth sensors and lights wired to this gateway's GPIO chip.
/// Absent (or <c>Driver</c> "none"): no GPIO, every lane runs on its reader alone.</summary>
public sealed class GpioSection
{
    /// <summary>"libgpiod" (libgpiod 1.x), "libgpiod2" (libgpiod 2.x, Debian 13), "simulated" (the hardware
    /// simulator: demo, tests, training) or "none". Never guessed: absent means none.</summary>
    public string? Driver { get; set; }

    /// <summary>The GPIO chip, <c>/dev/gpiochipN</c> (default 0).</summary>
    public int Chip { get; set; }

    /// <summary>One pin map per lane that has sensors, lights, a buzzer or officer buttons.</summary>
    public List<GpioLaneSection> Lanes { get; set; } = [];
}
