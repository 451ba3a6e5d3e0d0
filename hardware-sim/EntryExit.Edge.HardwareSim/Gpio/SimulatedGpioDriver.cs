using System.Device.Gpio;

namespace EntryExit.Edge.HardwareSim.Gpio;

/// <summary>
/// A GPIO driver with no hardware behind it: tests and scenarios drive its inputs with
/// <see cref="SetInput"/> (edges reach registered callbacks and waiters exactly as libgpiod would deliver
/// them) and read what the gateway wrote to its outputs with <see cref="GetOutput"/> or <see cref="OutputChanged"/>.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, SimulatedPin> _pins = [];
    private readonly int _pinCount;

    /// <summary>Creates a driver with <paramref name="pinCount"/> lines.</summary>
    /// <param name="pinCount">Number of lines of the simulated chip.</param>
    public SimulatedGpioDriver(int pinCount = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _pinCount = pinCount;
    }

    /// <summary>Raised after the gateway wrote a new value to an output pin (on the writer's thread).</summary>
    public event EventHandler<PinValueChangedEventArgs>? OutputChanged;

    /// <inheritdoc />
    protected override int PinCount => _pinCount;

    /// <summary>Whether the gateway currently has <paramref name="pin"/> open.</summary>
    /// <param name="pin">Pin number.</param>
    /// <returns>True when open.</returns>
    public bool IsOpen(int pin)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pin, out var p) && p.IsOpen;
        }
    }

    /// <summary>The mode the gateway set on <paramref name="pin"/>, or null when the pin is closed.</summary>
    /// <param name="pin">Pin number.</param>
    /// <returns>The mode.</returns>
    public PinMode? ModeOf(int pin)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pin, out var p) ? p.Mode : null;
        }
    }

    /// <summary>The value last written to an output pin (Low if never written or closed).</summary>
    /// <param name="pin">Pin number.</param>
    /// <returns>The value.</returns>
    public PinValue GetOutput(int pin)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pin, out var p) ? p.Value : PinValue.Low;
        }
    }

    /// <summary>Drives an input pin, as a sensor would. A change raises the matching edge callbacks and wakes waiters.</summary>
    /// <param name="pin">Pin number (need not be open yet: the level is kept for when it is).</param>
    /// <param name="value">The new level.</param>
    public void SetInput(int pin, PinValue value)
    {
        List<PinChangeEventHandler> handlers;
        PinEventTypes edge;
        lock (_gate)
        {
            var p = GetOrAddLevel(pin);
            if (p.Value == value)
            {
                return;
            }

            p.Value = value;
            edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = [.. p.Callbacks.Where(c => (c.Events & edge) != 0).Select(c => c.Handler)];
            foreach (var waiter in p.Waiters.Where(w => (w.Events & edge) != 0).ToList())
            {
                p.Waiters.Remove(waiter);
                waiter.Completion.TrySetResult(edge);
            }
        }

        var args = new PinValueChangedEventArgs(edge, pin);
        foreach (var handler in handlers)
        {
            handler(this, args);
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            GetOrAddLevel(pinNumber).IsOpen = true;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            if (_pins.TryGetValue(pinNumber, out var p))
            {
                p.IsOpen = false;
                p.Callbacks.Clear();
                foreach (var waiter in p.Waiters)
                {
                    waiter.Completion.TrySetCanceled();
                }

                p.Waiters.Clear();
                _pins.Remove(pinNumber);
            }
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            var p = GetOrAddLevel(pinNumber);
            p.Mode = mode;
            if (mode == PinMode.InputPullUp && !p.Driven)
            {
                p.Value = PinValue.High;
            }
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber) => ModeOf(pinNumber) ?? PinMode.Input;

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pinNumber, out var p) ? p.Value : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            var p = GetOrAddLevel(pinNumber);
            if (p.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"Pin {pinNumber} is not an output.");
            }

            p.Value = value;
        }

        OutputChanged?.Invoke(this, new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pinNumber));
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(eventTypes);
        lock (_gate)
        {
            GetOrAddLevel(pinNumber).Waiters.Add(waiter);
        }

        try
        {
            var edge = waiter.Completion.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
            return new WaitForEventResult { EventTypes = edge, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (_pins.TryGetValue(pinNumber, out var p))
                {
                    p.Waiters.Remove(waiter);
                }
            }

            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            GetOrAddLevel(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (_pins.TryGetValue(pinNumber, out var p))
            {
                p.Callbacks.RemoveAll(c => c.Handler == callback);
            }
        }
    }

    private SimulatedPin GetOrAddLevel(int pin)
    {
        CheckPin(pin);
        if (!_pins.TryGetValue(pin, out var p))
        {
            p = new SimulatedPin();
            _pins[pin] = p;
        }

        return p;
    }

    private void CheckPin(int pin) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pin, _pinCount);

    private sealed class SimulatedPin
    {
        private PinValue _value = PinValue.Low;

        public bool IsOpen { get; set; }

        public bool Driven { get; private set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Value
        {
            get => _value;
            set
            {
                _value = value;
                Driven = true;
            }
        }

        public List<(PinEventTypes Events, PinChangeEventHandler Handler)> Callbacks { get; } = [];

        public List<Waiter> Waiters { get; } = [];
    }

    private sealed class Waiter(PinEventTypes events)
    {
        public PinEventTypes Events { get; } = events;

        public TaskCompletionSource<PinEventTypes> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
