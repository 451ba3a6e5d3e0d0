using System.Device.Gpio;
using EntryExit.Edge.HardwareSim.I2c;
using Iot.Device.CharacterLcd;
using Iot.Device.Pcx857x;

namespace EntryExit.Edge.Devices.Tests.HardwareSim;

/// <summary>The simulated PCF8574 backpack decodes what the real Lcd1602 binding writes back into the displayed text.</summary>
public sealed class SimulatedCharacterLcdTests
{
    [Fact]
    public void Lcd1602_WritesOnBothLines_AreDecodedIntoTheDisplayedText()
    {
        var device = new SimulatedCharacterLcd();
        using var lcd = Open(device);

        lcd.Write("Scan document");
        lcd.SetCursorPosition(0, 1);
        lcd.Write("Lane 3");

        Assert.Equal(["Scan document", "Lane 3"], device.Lines);
        Assert.True(device.DisplayOn);
        Assert.True(device.BacklightOn);
    }

    [Fact]
    public void Clear_DisplayOff_AndLongText_AreShownAsTheGlassWouldShowThem()
    {
        var device = new SimulatedCharacterLcd();
        using var lcd = Open(device);

        lcd.Write("Accepted");
        lcd.Clear();
        lcd.Write("0123456789ABCDEFGHIJ"); // 20 characters: the first 16 are visible, the rest stay in DDRAM
        Assert.Equal("0123456789ABCDEF", device.Text);

        lcd.DisplayOn = false;
        Assert.Equal(string.Empty, device.Text);
        lcd.DisplayOn = true;
        Assert.Equal("0123456789ABCDEF", device.Text);
    }

    [Fact]
    public void AtPowerUp_TheDisplayIsOff_SoDataWrittenBeforeTheDriverSwitchesItOnShowsNothing()
    {
        var device = new SimulatedCharacterLcd();

        // RS high, a nibble latched on E falling: an 8-bit-mode data write of '@' before any initialisation.
        device.Write([0x41, 0x45, 0x41]);

        Assert.False(device.DisplayOn);
        Assert.Equal(string.Empty, device.Text);
    }

    private static Lcd1602 Open(SimulatedCharacterLcd device) =>
        new(registerSelectPin: 0, enablePin: 2, dataPins: [4, 5, 6, 7], backlightPin: 3, readWritePin: 1,
            controller: new GpioController(new Pcf8574(device)), shouldDispose: true);
}
