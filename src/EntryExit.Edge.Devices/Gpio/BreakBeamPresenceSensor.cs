using System.Device.Gpio;

namespace EntryExit.Edge.Devices.Gpio;

/// <summary>A break-beam (or any contact) on a digital input, debounced. The pin only translates edges.</summary>
public sealed class BreakBeamPresenceSensor : IPresenceSensor
{
    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _presentWhenLow;
    private readonly Debouncer _debouncer;

    /// <summary>Opens the pin and starts watching it.</summary>
    /// <param name="lane">The lane.</param>
    /// <param name="controller">The controller (not disposed here).</param>
    /// <param name="pin">The input pin.</param>
    /// <param name="presentWhenLow">True when a broken beam pulls the line low (pull-up wiring, the usual case).</param>
    /// <param name="debounce">How long a level must hold.</param>
    /// <param name="timeProvider">Clock.</param>
    public BreakBeamPresenceSensor(string lane, GpioController controller, int pin, bool presentWhenLow, TimeSpan debounce, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        Lane = lane;
        _controller = controller;
        _pin = pin;
        _presentWhenLow = presentWhenLow;
        _controller.OpenPin(pin, presentWhenLow ? PinMode.InputPullUp : PinMode.InputPullDown);
        _debouncer = new Debouncer(debounce, timeProvider, initial: IsActive(_controller.Read(pin)));
        _debouncer.StableChanged += (_, present) => PresenceChanged?.Invoke(this, present);
        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
    }

    /// <inheritdoc />
    public event EventHandler<bool>? PresenceChanged;

    /// <inheritdoc />
    public string Lane { get; }

    /// <inheritdoc />
    public bool IsPresent => _debouncer.Level;

    /// <inheritdoc />
    public void Dispose()
    {
        _controller.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _controller.ClosePin(_pin);
        _debouncer.Dispose();
    }

    private bool IsActive(PinValue value) => (value == PinValue.Low) == _presentWhenLow;

    private void OnEdge(object sender, PinValueChangedEventArgs e) =>
        _debouncer.OnRaw(IsActive(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));
}
