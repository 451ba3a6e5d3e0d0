using EntryExit.Edge.Devices.Gpio;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>The names the <c>Gpio</c> section accepts.</summary>
public static class GpioNames
{
    /// <summary>No GPIO (the same as leaving <c>Gpio:Driver</c> out).</summary>
    public const string None = "none";

    /// <summary>Presence by a break-beam or contact on a digital input.</summary>
    public const string BreakBeam = "break-beam";

    /// <summary>Presence by an HC-SR501 PIR.</summary>
    public const string Pir = "pir";

    /// <summary>The line reads low when someone is there.</summary>
    public const string Low = "low";

    /// <summary>The line reads high when someone is there.</summary>
    public const string High = "high";

    /// <summary>The drivers <c>Gpio:Driver</c> accepts besides "none".</summary>
    public static IReadOnlyList<string> Drivers { get; } = [GpioDriverNames.LibGpiod, GpioDriverNames.LibGpiod2, GpioDriverNames.Simulated];

    /// <summary>True when the section asks for GPIO (a driver other than "none").</summary>
    /// <param name="gpio">The section.</param>
    /// <returns>Whether GPIO is configured.</returns>
    public static bool IsEnabled(GpioSection gpio)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        return !string.IsNullOrWhiteSpace(gpio.Driver) && !string.Equals(gpio.Driver, None, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The driver name in its canonical (lower-case) spelling, or null when unknown.</summary>
    /// <param name="driver">As configured.</param>
    /// <returns>The canonical name.</returns>
    public static string? Canonical(string? driver) =>
        Drivers.FirstOrDefault(d => string.Equals(d, driver?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The presence level in effect: the configured one, or the kind's default.</summary>
    /// <param name="presence">The presence section.</param>
    /// <returns>"low" or "high".</returns>
    public static string EffectiveLevel(GpioPresenceSection presence)
    {
        ArgumentNullException.ThrowIfNull(presence);
        if (!string.IsNullOrWhiteSpace(presence.ActiveLevel))
        {
            return presence.ActiveLevel.Trim().ToLowerInvariant();
        }

        return string.Equals(presence.Kind, Pir, StringComparison.OrdinalIgnoreCase) ? High : Low;
    }
}
