namespace EntryExit.Edge.Devices.Gpio;

/// <summary>The driver names <see cref="GpioOptions.Driver"/> accepts.</summary>
public static class GpioDriverNames
{
    /// <summary>libgpiod 1.x (libgpiod.so.2) through <c>LibGpiodDriver</c>.</summary>
    public const string LibGpiod = "libgpiod";

    /// <summary>libgpiod 2.x (libgpiod.so.3) through <c>LibGpiodV2Driver</c> (Debian 13 / Pi OS trixie).</summary>
    public const string LibGpiod2 = "libgpiod2";

    /// <summary>The hardware simulator's driver (demo, tests, training).</summary>
    public const string Simulated = "simulated";
}
