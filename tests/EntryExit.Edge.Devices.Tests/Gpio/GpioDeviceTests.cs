using System.Device.Gpio;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.HardwareSim.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Devices.Tests.Gpio;

public sealed class GpioDeviceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;

    public GpioDeviceTests() => _controller = new GpioController(_driver);

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void BreakBeam_BrokenBeamHeld_ReportsPresenceThenLeaving_FlickerIgnored()
    {
        using var sensor = new BreakBeamPresenceSensor("1", _controller, 5, presentWhenLow: true, TimeSpan.FromMilliseconds(50), _time);
        var changes = new List<bool>();
        sensor.PresenceChanged += (_, present) => changes.Add(present);
        Assert.Equal(PinMode.InputPullUp, _driver.ModeOf(5));
        Assert.False(sensor.IsPresent);

        _driver.SetInput(5, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(sensor.IsPresent);

        // A swinging bag: the beam is restored for 20 ms only.
        _driver.SetInput(5, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _driver.SetInput(5, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(sensor.IsPresent);

        _driver.SetInput(5, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal([true, false], changes);
    }

    [Fact]
    public void Pir_RisingThenFalling_ReportsPresenceThroughHcsr501()
    {
        using var sensor = new PirPresenceSensor("2", _controller, 7, TimeSpan.Zero, _time);
        var changes = new List<bool>();
        sensor.PresenceChanged += (_, present) => changes.Add(present);

        _driver.SetInput(7, PinValue.High);
        Assert.True(sensor.IsPresent);
        _driver.SetInput(7, PinValue.Low);

        Assert.Equal([true, false], changes);
    }

    [Fact]
    public void Indicators_EachStateLightsExactlyOneLight_AndRescanPulsesTheBuzzer()
    {
        var pins = new LaneGpioOptions { GreenPin = 10, AmberPin = 11, RedPin = 12, BuzzerPin = 13, BuzzerMilliseconds = 150 };
        using var lights = new GpioLaneIndicators(_controller, pins, _time);

        lights.Show(IndicatorState.Accepted);
        Assert.Equal((PinValue.High, PinValue.Low, PinValue.Low), Lights());
        Assert.Equal(PinValue.Low, _driver.GetOutput(13));

        lights.Show(IndicatorState.Rescan);
        Assert.Equal((PinValue.Low, PinValue.High, PinValue.Low), Lights());
        Assert.Equal(PinValue.High, _driver.GetOutput(13));
        _time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(PinValue.Low, _driver.GetOutput(13));

        lights.Show(IndicatorState.Attention);
        Assert.Equal((PinValue.Low, PinValue.Low, PinValue.High), Lights());

        lights.Show(IndicatorState.Off);
        Assert.Equal((PinValue.Low, PinValue.Low, PinValue.Low), Lights());
    }

    [Fact]
    public void OfficerButtons_DebouncedPress_DeclaresItsStatus()
    {
        using var input = new GpioOfficerInput("1", _controller, new Dictionary<string, int> { ["us-citizen"] = 20, ["ca-pr"] = 21 }, TimeSpan.FromMilliseconds(30), _time);
        var declared = new List<string>();
        input.Declared += (_, status) => declared.Add(status);

        _driver.SetInput(21, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.SetInput(21, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Empty(declared);

        _driver.SetInput(20, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        _driver.SetInput(20, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(["us-citizen"], declared);
    }

    [Fact]
    public void OfficerButtons_UnknownStatusInPinMap_IsRejectedWithTheValidList()
    {
        var e = Assert.Throws<ArgumentException>(() => new GpioOfficerInput("1", _controller, new Dictionary<string, int> { ["citizen"] = 20 }, TimeSpan.Zero, _time));
        Assert.Contains("us-citizen", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#DECLARE us-citizen", true, "us-citizen")]
    [InlineData("  #declare CA-PR \n", true, "ca-pr")]
    [InlineData("#DECLARE martian", false, "")]
    [InlineData("P<UTOERIKSSON<<ANNA", false, "")]
    public void OfficerCommand_TryParse_RecognisesDeclarations(string text, bool ok, string status)
    {
        Assert.Equal(ok, OfficerCommand.TryParse(text, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void ControllerFactory_Simulated_UsesTheSuppliedDriver_UnknownNameIsRejected()
    {
        using var controller = GpioControllerFactory.Create(new GpioOptions { Driver = "simulated" }, () => _driver);
        controller.OpenPin(3, PinMode.Output);
        controller.Write(3, PinValue.High);
        Assert.Equal(PinValue.High, _driver.GetOutput(3));

        Assert.Throws<ArgumentException>(() => GpioControllerFactory.Create(new GpioOptions { Driver = "simulated" }));
        var e = Assert.Throws<ArgumentException>(() => GpioControllerFactory.Create(new GpioOptions { Driver = "sysfs" }));
        Assert.Contains("libgpiod2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulatedDriver_WaitForEvent_ReturnsTheEdgeDrivenByAnotherThread()
    {
        _controller.OpenPin(4, PinMode.Input);
        var waiting = Task.Run(() => _controller.WaitForEvent(4, PinEventTypes.Rising, TimeSpan.FromSeconds(20)), TestContext.Current.CancellationToken);
        while (!waiting.IsCompleted)
        {
            _driver.SetInput(4, PinValue.High);
            _driver.SetInput(4, PinValue.Low);
            await Task.Yield();
        }

        var result = await waiting;
        Assert.Equal(PinEventTypes.Rising, result.EventTypes);
        Assert.False(result.TimedOut);
    }

    private (PinValue Green, PinValue Amber, PinValue Red) Lights() => (_driver.GetOutput(10), _driver.GetOutput(11), _driver.GetOutput(12));
}
