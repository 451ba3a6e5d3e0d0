namespace EntryExit.Edge.Host.Configuration;

/// <summary><c>Gpio:Lanes[]:Presence</c>: the lane's presence sensor.</summary>
public sealed class GpioPresenceSection
{
    /// <summary>"break-beam" (a beam or contact on a digital input, debounced) or "pir" (an HC-SR501 motion sensor).</summary>
    public string Kind { get; set; } = GpioNames.BreakBeam;

    /// <summary>The input pin.</summary>
    public int? Pin { get; set; }

    /// <summary>The level that means "someone is there": "low" or "high". Default: "low" for a break-beam (pull-up
    /// wiring, the beam broken pulls the line low), "high" for a PIR (the HC-SR501 drives its output high).</summary>
    public string? ActiveLevel { get; set; }
}
