namespace EntryExit.Edge.Devices.Gpio;

/// <summary>Booth GPIO settings (bound from configuration).</summary>
public sealed class GpioOptions
{
    /// <summary>"libgpiod" (libgpiod 1.x), "libgpiod2" (2.x) or "simulated". Never guessed.</summary>
    public string Driver { get; set; } = GpioDriverNames.Simulated;

    /// <summary>The gpiochip number (/dev/gpiochipN).</summary>
    public int Chip { get; set; }

    /// <summary>Pin maps, one per lane that has sensors or lights.</summary>
    public List<LaneGpioOptions> Lanes { get; set; } = [];
}
