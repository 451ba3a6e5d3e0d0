namespace EntryExit.Edge.Devices.Gpio;

/// <summary>
/// Debounce logic with no pins (as dotnet/iot's ButtonBase keeps it apart): raw levels go in, and a level is
/// reported only after it held steady for the debounce time. A beam flickering as a coat swings through does
/// not end a presence. Driven by <see cref="TimeProvider"/>, so tests advance a fake clock.
/// </summary>
public sealed class Debouncer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _stableFor;
    private readonly ITimer _timer;
    private bool _raw;
    private bool _stable;

    /// <summary>Creates a debouncer.</summary>
    /// <param name="stableFor">How long a level must hold before it counts (zero: every change counts).</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="initial">The level assumed at start.</param>
    public Debouncer(TimeSpan stableFor, TimeProvider timeProvider, bool initial = false)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(stableFor, TimeSpan.Zero);
        _stableFor = stableFor;
        _raw = _stable = initial;
        _timer = timeProvider.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised with the new stable level (on the timer's thread, or the caller's when the debounce time is zero).</summary>
    public event EventHandler<bool>? StableChanged;

    /// <summary>The current debounced level.</summary>
    public bool Level
    {
        get
        {
            lock (_gate)
            {
                return _stable;
            }
        }
    }

    /// <summary>Feeds one raw level as read from the pin.</summary>
    /// <param name="level">The raw level.</param>
    public void OnRaw(bool level)
    {
        lock (_gate)
        {
            _raw = level;
            if (_stableFor > TimeSpan.Zero)
            {
                // Every change restarts the wait: only a level that holds for the whole period counts.
                _timer.Change(_stableFor, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Settle();
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Settle()
    {
        bool changedTo;
        lock (_gate)
        {
            if (_raw == _stable)
            {
                return;
            }

            _stable = changedTo = _raw;
        }

        StableChanged?.Invoke(this, changedTo);
    }
}
