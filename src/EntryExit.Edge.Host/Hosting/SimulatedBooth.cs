using System.Device.Gpio;
using System.Device.I2c;
using EntryExit.Edge.HardwareSim.Gpio;
using EntryExit.Edge.HardwareSim.I2c;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>What stands in for the booth hardware when <c>Gpio:Driver</c> is "simulated": the hardware simulator's GPIO
/// driver and its I2C character displays. Tests pass their own instances to drive inputs and read what is shown.</summary>
/// <param name="Gpio">Creates the GPIO driver (called once).</param>
/// <param name="Lcd">Opens the display at an I2C bus and address (called when a lane's display is opened).</param>
public sealed record SimulatedBooth(Func<GpioDriver> Gpio, Func<int, int, I2cDevice> Lcd)
{
    /// <summary>A new simulator driver and a new simulated display per lane.</summary>
    public static SimulatedBooth Default { get; } = new(() => new SimulatedGpioDriver(), (bus, address) => new SimulatedCharacterLcd(bus, address));
}
