using System.Device.I2c;
using EntryExit.Edge.Devices.Display;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Devices.Tests.Readers;
using EntryExit.Edge.HardwareSim.I2c;

namespace EntryExit.Edge.Devices.Tests.Display;

/// <summary>The lane's LCD, through the real Lcd1602 and Pcf8574 bindings, onto the simulator's I2C display.</summary>
public sealed class LcdLaneDisplayTests
{
    [Theory]
    [InlineData(IndicatorState.Off, "Scan document")]
    [InlineData(IndicatorState.Accepted, "Accepted")]
    [InlineData(IndicatorState.Rescan, "Rescan")]
    [InlineData(IndicatorState.Attention, "See officer")]
    public async Task Show_WritesTheStepsMessage(IndicatorState state, string expected)
    {
        var device = new SimulatedCharacterLcd();
        using var display = new LcdLaneDisplay("1", () => device);

        display.Show(state);

        await ReaderRun.PollUntilAsync(() => device.Text == expected);
        Assert.Equal(state, display.Current);
    }

    [Fact]
    public async Task MissingDisplay_IsTriedAgainAtTheNextChange_AndTheLatestStepIsShown()
    {
        var device = new SimulatedCharacterLcd();
        var attempts = 0;
        using var display = new LcdLaneDisplay("1", () => Interlocked.Increment(ref attempts) == 1 ? throw new IOException("no device at 0x27") : device);

        display.Show(IndicatorState.Off); // the bus fails: nothing shown, nothing thrown
        await ReaderRun.PollUntilAsync(() => Volatile.Read(ref attempts) == 1);
        display.Show(IndicatorState.Attention);

        await ReaderRun.PollUntilAsync(() => device.Text == "See officer");
        Assert.Equal(2, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Dispose_SaysTheLaneIsClosed_AndReleasesTheBus()
    {
        var device = new TrackingLcd();
        var display = new LcdLaneDisplay("1", () => device);
        display.Show(IndicatorState.Accepted);
        await ReaderRun.PollUntilAsync(() => device.Text == "Accepted");

        display.Dispose();

        Assert.Equal(LcdLaneDisplay.ClosedMessage, device.Text);
        Assert.True(device.Disposed);
    }

    [Fact]
    public async Task ManyChangesAtOnce_EndOnTheLastOne()
    {
        var device = new SimulatedCharacterLcd();
        using var display = new LcdLaneDisplay("1", () => device);

        foreach (var state in new[] { IndicatorState.Off, IndicatorState.Rescan, IndicatorState.Attention, IndicatorState.Accepted })
        {
            display.Show(state);
        }

        await ReaderRun.PollUntilAsync(() => device.Text == "Accepted");
    }

    private sealed class TrackingLcd : I2cDevice
    {
        private readonly SimulatedCharacterLcd _inner = new();

        public bool Disposed { get; private set; }

        public string Text => _inner.Text;

        public override I2cConnectionSettings ConnectionSettings => _inner.ConnectionSettings;

        public override byte ReadByte() => _inner.ReadByte();

        public override void Read(Span<byte> buffer) => _inner.Read(buffer);

        public override void WriteByte(byte value) => _inner.WriteByte(value);

        public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => _inner.WriteRead(writeBuffer, readBuffer);

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
