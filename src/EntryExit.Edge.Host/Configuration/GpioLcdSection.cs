using System.Globalization;

namespace EntryExit.Edge.Host.Configuration;

/// <summary><c>Gpio:Lanes[]:Lcd</c>: the lane's 16×2 character LCD on a PCF8574 I2C backpack.</summary>
public sealed class GpioLcdSection
{
    /// <summary>The I2C bus, <c>/dev/i2c-N</c> (default 1: the Raspberry Pi header's bus).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>The backpack's 7-bit address, hexadecimal "0x27" or decimal "39" (default "0x27"; PCF8574A boards use 0x3F).</summary>
    public string Address { get; set; } = "0x27";

    /// <summary>Parses <see cref="Address"/>.</summary>
    /// <param name="address">The 7-bit address.</param>
    /// <returns>True when it is a valid I2C device address (0x03–0x77).</returns>
    public bool TryGetAddress(out int address)
    {
        var text = Address?.Trim() ?? string.Empty;
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return parsed && address is >= 0x03 and <= 0x77;
    }
}
