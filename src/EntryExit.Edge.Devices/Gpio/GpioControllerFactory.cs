using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace EntryExit.Edge.Devices.Gpio;

/// <summary>
/// Builds the GPIO controller with the driver the configuration names, never the library's auto-detection
/// (which may map /dev/gpiomem or fall back to sysfs). The simulated driver comes from the caller, since
/// Devices does not reference the simulator.
/// </summary>
public static class GpioControllerFactory
{
    /// <summary>Creates the controller.</summary>
    /// <param name="options">Driver name and chip.</param>
    /// <param name="simulatedDriver">Supplies the simulated driver when the name is "simulated".</param>
    /// <returns>A controller owning its driver.</returns>
    /// <exception cref="ArgumentException">Unknown driver name, or "simulated" without a supplier.</exception>
    public static GpioController Create(GpioOptions options, Func<GpioDriver>? simulatedDriver = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        GpioDriver driver = options.Driver switch
        {
            GpioDriverNames.LibGpiod => new LibGpiodDriver(options.Chip),
            GpioDriverNames.LibGpiod2 => new LibGpiodV2Driver(options.Chip),
            GpioDriverNames.Simulated => simulatedDriver?.Invoke()
                ?? throw new ArgumentException("GPIO driver \"simulated\" needs the hardware simulator; run the gateway in demo mode or choose libgpiod/libgpiod2.", nameof(options)),
            _ => throw new ArgumentException(
                $"Unknown GPIO driver \"{options.Driver}\": set Gpio:Driver to \"{GpioDriverNames.LibGpiod}\", \"{GpioDriverNames.LibGpiod2}\" or \"{GpioDriverNames.Simulated}\".",
                nameof(options)),
        };
        return new GpioController(driver);
    }
}
