using System.Device.Gpio;

namespace EntryExit.Edge.Devices.Gpio;

/// <summary>Officer buttons, one input pin per status (pull-up, pressed = low), debounced.</summary>
public sealed class GpioOfficerInput : IDisposable
{
    private readonly GpioController _controller;
    private readonly List<(int Pin, PinChangeEventHandler Handler, Debouncer Debouncer)> _buttons = [];

    /// <summary>Opens one input per configured status.</summary>
    /// <param name="lane">The lane.</param>
    /// <param name="controller">The controller (not disposed here).</param>
    /// <param name="pins">Status token to pin.</param>
    /// <param name="debounce">How long a press must hold.</param>
    /// <param name="timeProvider">Clock.</param>
    public GpioOfficerInput(string lane, GpioController controller, IReadOnlyDictionary<string, int> pins, TimeSpan debounce, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(pins);
        Lane = lane;
        _controller = controller;
        try
        {
            foreach (var (token, pin) in pins)
            {
                if (!OfficerStatusTokens.All.Contains(token))
                {
                    throw new ArgumentException($"Unknown officer status \"{token}\" in the pin map; use one of: {string.Join(", ", OfficerStatusTokens.All)}.", nameof(pins));
                }

                controller.OpenPin(pin, PinMode.InputPullUp);
                var debouncer = new Debouncer(debounce, timeProvider, initial: false);
                debouncer.StableChanged += (_, pressed) =>
                {
                    if (pressed)
                    {
                        Declared?.Invoke(this, token);
                    }
                };
                PinChangeEventHandler handler = (_, e) => debouncer.OnRaw(e.ChangeType == PinEventTypes.Falling);
                controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, handler);
                _buttons.Add((pin, handler, debouncer));
            }
        }
        catch
        {
            Dispose(); // the buttons opened so far
            throw;
        }
    }

    /// <summary>Raised with the status token when the officer presses a button.</summary>
    public event EventHandler<string>? Declared;

    /// <summary>The lane.</summary>
    public string Lane { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (pin, handler, debouncer) in _buttons)
        {
            _controller.UnregisterCallbackForPinValueChangedEvent(pin, handler);
            _controller.ClosePin(pin);
            debouncer.Dispose();
        }
    }
}
