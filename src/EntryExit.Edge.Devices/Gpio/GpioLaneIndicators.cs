using System.Device.Gpio;

namespace EntryExit.Edge.Devices.Gpio;

/// <summary>
/// Green, amber and red lights on output pins, and an optional active buzzer that sounds a short pulse when the
/// lane needs a rescan or an officer. Any pin may be absent.
/// </summary>
public sealed class GpioLaneIndicators : ILaneIndicators, IDisposable
{
    private readonly GpioController _controller;
    private readonly int? _green;
    private readonly int? _amber;
    private readonly int? _red;
    private readonly int? _buzzer;
    private readonly TimeSpan _beep;
    private readonly ITimer? _buzzerOff;

    /// <summary>Opens the configured pins as outputs, all off.</summary>
    /// <param name="controller">The controller (not disposed here).</param>
    /// <param name="pins">The lane's pin map.</param>
    /// <param name="timeProvider">Clock for the buzzer pulse.</param>
    public GpioLaneIndicators(GpioController controller, LaneGpioOptions pins, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _controller = controller;
        (_green, _amber, _red, _buzzer) = (pins.GreenPin, pins.AmberPin, pins.RedPin, pins.BuzzerPin);
        _beep = TimeSpan.FromMilliseconds(pins.BuzzerMilliseconds);
        var opened = new List<int>();
        try
        {
            foreach (var pin in Pins())
            {
                _controller.OpenPin(pin, PinMode.Output, PinValue.Low);
                opened.Add(pin);
            }
        }
        catch
        {
            opened.ForEach(_controller.ClosePin); // a pin that cannot be opened must not leave the others open
            throw;
        }

        if (_buzzer is { } buzzer)
        {
            _buzzerOff = timeProvider.CreateTimer(_ => _controller.Write(buzzer, PinValue.Low), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public IndicatorState Current { get; private set; }

    /// <inheritdoc />
    public void Show(IndicatorState state)
    {
        Set(_green, state == IndicatorState.Accepted);
        Set(_amber, state == IndicatorState.Rescan);
        Set(_red, state == IndicatorState.Attention);
        if (state is IndicatorState.Rescan or IndicatorState.Attention && state != Current && _buzzer is { } buzzer)
        {
            _controller.Write(buzzer, PinValue.High);
            _buzzerOff!.Change(_beep, Timeout.InfiniteTimeSpan);
        }

        Current = state;
    }

    /// <summary>Turns everything off and closes the pins.</summary>
    public void Dispose()
    {
        _buzzerOff?.Dispose();
        foreach (var pin in Pins())
        {
            _controller.Write(pin, PinValue.Low);
            _controller.ClosePin(pin);
        }
    }

    private IEnumerable<int> Pins() => new[] { _green, _amber, _red, _buzzer }.OfType<int>();

    private void Set(int? pin, bool on)
    {
        if (pin is { } p)
        {
            _controller.Write(p, on ? PinValue.High : PinValue.Low);
        }
    }
}
