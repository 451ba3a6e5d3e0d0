using System.Device.Gpio;
using Iot.Device.Hcsr501;

namespace EntryExit.Edge.Devices.Gpio;

/// <summary>A PIR motion sensor (HC-SR501) through Iot.Device.Bindings; its own hold time smooths the signal.</summary>
public sealed class PirPresenceSensor : IPresenceSensor
{
    private readonly Hcsr501 _sensor;
    private readonly Debouncer _debouncer;

    /// <summary>Opens the PIR's output pin.</summary>
    /// <param name="lane">The lane.</param>
    /// <param name="controller">The controller (not disposed here).</param>
    /// <param name="pin">The PIR output pin.</param>
    /// <param name="debounce">Extra hold on top of the PIR's own (zero to trust the PIR).</param>
    /// <param name="timeProvider">Clock.</param>
    public PirPresenceSensor(string lane, GpioController controller, int pin, TimeSpan debounce, TimeProvider timeProvider)
    {
        Lane = lane;
        _sensor = new Hcsr501(pin, controller, shouldDispose: false);
        _debouncer = new Debouncer(debounce, timeProvider, initial: _sensor.IsMotionDetected);
        _debouncer.StableChanged += (_, present) => PresenceChanged?.Invoke(this, present);
        _sensor.Hcsr501ValueChanged += OnValueChanged;
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
        _sensor.Hcsr501ValueChanged -= OnValueChanged;
        _sensor.Dispose();
        _debouncer.Dispose();
    }

    private void OnValueChanged(object sender, Hcsr501ValueChangedEventArgs e) => _debouncer.OnRaw(e.PinValue == PinValue.High);
}
