using System.Device.Gpio;
using System.Device.I2c;
using EntryExit.Edge.Devices.Display;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>
/// The booth hardware the <c>Gpio</c> section maps: one controller on the configured chip with the configured driver,
/// and each lane's presence sensor, lights, buzzer and officer buttons. Hardware that cannot be opened is logged and
/// left out: its lane runs as a lane without GPIO (scans and timeouts), so records keep flowing while a technician
/// fixes it (<c>entryexit-edge doctor</c> says what is wrong).
/// </summary>
public sealed class BoothHardware : IDisposable
{
    private readonly GpioController? _controller;
    private readonly Dictionary<string, LaneHardware> _lanes;

    private BoothHardware(GpioController? controller, Dictionary<string, LaneHardware> lanes)
    {
        _controller = controller;
        _lanes = lanes;
    }

    /// <summary>No GPIO: every lane runs on its reader alone.</summary>
    public static BoothHardware None { get; } = new(null, []);

    /// <summary>The lanes with hardware open.</summary>
    public IReadOnlyCollection<string> Lanes => _lanes.Keys;

    /// <summary>Opens the controller and every lane's pins.</summary>
    /// <param name="gpio">The validated <c>Gpio</c> section.</param>
    /// <param name="simulated">The simulator's GPIO driver and displays, used when <c>Gpio:Driver</c> is "simulated".</param>
    /// <param name="time">Clock (debounce, buzzer pulse).</param>
    /// <param name="logger">Where failures to open are reported.</param>
    /// <returns>The hardware; <see cref="None"/> when GPIO is not configured or the controller cannot be opened.</returns>
    public static BoothHardware Open(GpioSection gpio, SimulatedBooth simulated, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(logger);
        if (!GpioNames.IsEnabled(gpio) || GpioNames.Canonical(gpio.Driver) is not { } driver)
        {
            return None;
        }

        GpioController controller;
        try
        {
            controller = GpioControllerFactory.Create(new GpioOptions { Driver = driver, Chip = gpio.Chip }, simulated.Gpio);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // libgpiod missing (DllNotFoundException), no such chip, no permission: the booth still scans.
            HardwareLog.ControllerUnavailable(logger, driver, gpio.Chip, e.GetType().Name, e.Message);
            return None;
        }

        var lanes = new Dictionary<string, LaneHardware>(StringComparer.Ordinal);
        foreach (var lane in gpio.Lanes)
        {
            try
            {
                lanes[lane.Lane] = LaneHardware.Create(ToOptions(lane), controller, time, Display(lane, driver, simulated, logger));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                HardwareLog.LaneUnavailable(logger, lane.Lane, e.GetType().Name, e.Message);
            }
        }

        HardwareLog.Opened(logger, driver, gpio.Chip, lanes.Count, gpio.Lanes.Count);
        return new BoothHardware(controller, lanes);
    }

    // The LCD opens its I2C device on its own writer, and again after a failure: a missing display never stops the lane.
    private static LcdLaneDisplay? Display(GpioLaneSection lane, string driver, SimulatedBooth simulated, ILogger logger)
    {
        if (lane.Lcd is not { } lcd || !lcd.TryGetAddress(out var address))
        {
            return null;
        }

        Func<I2cDevice> open = driver == GpioDriverNames.Simulated
            ? () => simulated.Lcd(lcd.Bus, address)
            : () => I2cDevice.Create(new I2cConnectionSettings(lcd.Bus, address));
        return new LcdLaneDisplay(lane.Lane, open, logger);
    }

    /// <summary>The lane's hardware, or null when the lane has none (or it could not be opened).</summary>
    /// <param name="lane">The lane.</param>
    /// <returns>The hardware or null.</returns>
    public LaneHardware? ForLane(string lane) => _lanes.GetValueOrDefault(lane);

    /// <summary>Lights off, pins closed, controller (and its driver) disposed.</summary>
    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
        {
            lane.Dispose();
        }

        _lanes.Clear();
        _controller?.Dispose();
    }

    /// <summary>The Devices pin map of one configured lane.</summary>
    /// <param name="lane">The lane's section (validated).</param>
    /// <returns>The options.</returns>
    public static LaneGpioOptions ToOptions(GpioLaneSection lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        var presence = lane.Presence;
        return new LaneGpioOptions
        {
            Lane = lane.Lane,
            PresencePin = presence?.Pin,
            PresenceKind = string.Equals(presence?.Kind, GpioNames.Pir, StringComparison.OrdinalIgnoreCase) ? PresenceSensorKind.Pir : PresenceSensorKind.BreakBeam,
            PresenceActiveLow = presence is null || GpioNames.EffectiveLevel(presence) == GpioNames.Low,
            DebounceMilliseconds = lane.DebounceMilliseconds,
            GreenPin = lane.GreenPin,
            AmberPin = lane.AmberPin,
            RedPin = lane.RedPin,
            BuzzerPin = lane.BuzzerPin,
            BuzzerMilliseconds = lane.BuzzerMilliseconds,
            OfficerPins = lane.OfficerPins.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
        };
    }
}
