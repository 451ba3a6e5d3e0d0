using System.Runtime.InteropServices;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>GPIO, when configured: the chip device present and openable by this user, the libgpiod library the driver
/// needs, the I2C buses of the lane displays, and a known libgpiod 2 problem with pull-up inputs on the Raspberry Pi 4.</summary>
internal static class GpioChecks
{
    // The library names System.Device.Gpio 4.2 loads: LibGpiodDriver (libgpiod 1.x) and LibGpiodV2Driver (2.x).
    private static readonly Dictionary<string, string[]> Libraries = new(StringComparer.Ordinal)
    {
        [GpioDriverNames.LibGpiod] = ["libgpiod.so.2", "libgpiod.so.1"],
        [GpioDriverNames.LibGpiod2] = ["libgpiod.so.3"],
    };

    public static IReadOnlyList<DoctorCheck> Check(GpioSection gpio, GpioProbe probe)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(probe);
        if (!GpioNames.IsEnabled(gpio) || GpioNames.Canonical(gpio.Driver) is not { } driver)
        {
            return []; // not configured (or an unknown driver, which the configuration check reports)
        }

        if (driver == GpioDriverNames.Simulated)
        {
            return [DoctorCheck.Ok("gpio-chip", "GPIO driver simulated: no chip is opened; the hardware simulator stands in for the booth's " +
                                                "sensors, lights and buttons (demo, tests, training; nothing at a real booth lights up)")];
        }

        var checks = new List<DoctorCheck> { Chip(gpio.Chip, probe.DeviceDirectory), Library(driver, probe.LibraryLoads) };
        foreach (var bus in gpio.Lanes.Where(l => l.Lcd is not null).Select(l => l.Lcd!.Bus).Distinct().Order())
        {
            checks.Add(I2cBus(bus, probe.DeviceDirectory));
        }

        if (driver == GpioDriverNames.LibGpiod2 && UsesPullResistors(gpio)
            && probe.BoardModel() is { } model && model.Contains("Raspberry Pi 4", StringComparison.Ordinal))
        {
            checks.Add(DoctorCheck.Warn("gpio-pull", $"{model.Trim()} with libgpiod 2: inputs with pull-up resistors (break-beams, officer buttons) " +
                                                     "are known to fail to open there (\"Could not reconfigure lines\", dotnet/iot#2441)",
                "Set Gpio:Driver to \"libgpiod\" with libgpiod 1.x installed, or wire external pull-up resistors and check that the lanes' pins open at start (GPIO_LANE_UNAVAILABLE in the log)."));
        }

        return checks;
    }

    private static DoctorCheck Chip(int chip, string deviceDirectory)
    {
        var path = Path.Combine(deviceDirectory, $"gpiochip{chip}");
        if (!File.Exists(path))
        {
            return DoctorCheck.Fail("gpio-chip", $"GPIO chip {path} does not exist",
                $"List the chips with `gpiodetect` (or `ls {deviceDirectory}/gpiochip*`) and set Gpio:Chip to the one that carries the booth's pins; " +
                "in a container, pass the device in.");
        }

        try
        {
            // libgpiod opens the character device read-write, so that is what the service user needs.
            File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
            return DoctorCheck.Ok("gpio-chip", $"GPIO chip {path} present and openable");
        }
        catch (UnauthorizedAccessException)
        {
            return DoctorCheck.Fail("gpio-chip", $"GPIO chip {path} cannot be opened: permission denied",
                "Run doctor as the service user (sudo -u entryexit entryexit-edge doctor …); give it the device: group gpio " +
                "(SupplementaryGroups=gpio in the unit, a udev rule SUBSYSTEM==\"gpio\", GROUP=\"gpio\", MODE=\"0660\") and DeviceAllow=char-gpiochip rw.");
        }
        catch (IOException e)
        {
            return DoctorCheck.Fail("gpio-chip", $"GPIO chip {path} cannot be opened: {e.Message}", "Check the chip's driver in the kernel log (dmesg | grep -i gpio).");
        }
    }

    private static DoctorCheck I2cBus(int bus, string deviceDirectory)
    {
        var id = $"lcd-i2c-{bus}";
        var path = Path.Combine(deviceDirectory, $"i2c-{bus}");
        if (!File.Exists(path))
        {
            return DoctorCheck.Fail(id, $"I2C bus {path} for the lane displays does not exist",
                "Enable I2C (Raspberry Pi: raspi-config nonint do_i2c 0, or dtparam=i2c_arm=on in config.txt, then reboot), load i2c-dev, " +
                "and check Gpio:Lanes[]:Lcd:Bus against `ls /dev/i2c-*`; `i2cdetect -y N` shows the display's address.");
        }

        try
        {
            File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
            return DoctorCheck.Ok(id, $"I2C bus {path} for the lane displays present and openable");
        }
        catch (UnauthorizedAccessException)
        {
            return DoctorCheck.Fail(id, $"I2C bus {path} cannot be opened: permission denied",
                "Give the service user the bus's group (Raspberry Pi OS: i2c) with a drop-in SupplementaryGroups=i2c; the unit allows char-i2c devices.");
        }
        catch (IOException e)
        {
            return DoctorCheck.Fail(id, $"I2C bus {path} cannot be opened: {e.Message}", "Check the I2C driver in the kernel log (dmesg | grep -i i2c).");
        }
    }

    private static DoctorCheck Library(string driver, Func<string, bool> loads)
    {
        var names = Libraries[driver];
        if (names.FirstOrDefault(loads) is { } found)
        {
            return DoctorCheck.Ok("gpio-library", $"GPIO driver {driver}: {found} loads");
        }

        var package = driver == GpioDriverNames.LibGpiod ? "libgpiod2 (libgpiod 1.x; Debian 12, Raspberry Pi OS bookworm)" : "libgpiod3 (libgpiod 2.x; Debian 13, Raspberry Pi OS trixie)";
        return DoctorCheck.Fail("gpio-library", $"GPIO driver {driver} needs {string.Join(" or ", names)}, which cannot be loaded",
            $"Install the package {package}, or set Gpio:Driver to the libgpiod this system has (\"libgpiod\" for libgpiod.so.2, \"libgpiod2\" for libgpiod.so.3).");
    }

    private static bool UsesPullResistors(GpioSection gpio) => gpio.Lanes.Any(l =>
        l.OfficerPins.Count > 0 || (l.Presence is { } p && !string.Equals(p.Kind, GpioNames.Pir, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Where the GPIO checks look: the real system, or a test's stand-ins.</summary>
    /// <param name="DeviceDirectory">Where <c>gpiochipN</c> lives (<c>/dev</c>).</param>
    /// <param name="LibraryLoads">Whether a native library of that name loads.</param>
    /// <param name="BoardModel">The board's model (<c>/proc/device-tree/model</c>), or null.</param>
    internal sealed record GpioProbe(string DeviceDirectory, Func<string, bool> LibraryLoads, Func<string?> BoardModel)
    {
        public static GpioProbe System { get; } = new("/dev", LoadsNative, ReadModel);

        private static bool LoadsNative(string name)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                return false;
            }

            NativeLibrary.Free(handle);
            return true;
        }

        private static string? ReadModel()
        {
            try
            {
                return File.ReadAllText("/proc/device-tree/model").TrimEnd('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null; // not a device-tree board
            }
        }
    }
}
