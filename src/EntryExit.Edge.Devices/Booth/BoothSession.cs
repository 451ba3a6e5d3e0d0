using EntryExit.Edge.Devices.Gpio;

namespace EntryExit.Edge.Devices.Booth;

/// <summary>
/// One lane's booth session state machine: presence → one or more scans (a rescan replaces a failed read) →
/// optional officer declaration → the traveller leaves or a timeout passes → final. A hold lights red and waits
/// for the declaration within the session. The lights show each step: off (waiting for a scan), amber (rescan),
/// green (accepted), red (officer). A lane without a presence sensor runs on scans and timeouts alone.
/// MRZ-agnostic: the caller judges each scan and supplies it as <typeparamref name="TScan"/>.
/// </summary>
/// <typeparam name="TScan">The caller's scan type.</typeparam>
public sealed class BoothSession<TScan> : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILaneIndicators _indicators;
    private readonly BoothSessionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly bool _hasPresenceSensor;
    private readonly ITimer _timer;
    private TScan? _scan;
    private ScanQuality _quality;
    private string? _declaration;
    private int _attempts;
    private DateTimeOffset _startedAt;
    private bool _present;

    /// <summary>Creates the session machine of one lane (idle, lights off).</summary>
    /// <param name="lane">The lane.</param>
    /// <param name="indicators">The lane's lights.</param>
    /// <param name="options">Timing.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="hasPresenceSensor">Whether presence events will come.</param>
    public BoothSession(string lane, ILaneIndicators indicators, BoothSessionOptions options, TimeProvider timeProvider, bool hasPresenceSensor)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Lane = lane;
        _indicators = indicators;
        _options = options;
        _timeProvider = timeProvider;
        _hasPresenceSensor = hasPresenceSensor;
        _timer = timeProvider.CreateTimer(_ => OnTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _indicators.Show(IndicatorState.Off);
    }

    /// <summary>Raised when a session is final (outside the machine's lock; handlers may call back in).</summary>
    public event EventHandler<BoothSessionOutcome<TScan>>? Completed;

    /// <summary>The lane.</summary>
    public string Lane { get; }

    /// <summary>The current phase.</summary>
    public BoothPhase Phase { get; private set; }

    /// <summary>
    /// On a lane without a presence sensor: tells whether a new read is the same document as the one the session
    /// holds (held, new). Such a read is the same traveller's document scanned again, which replaces the held read
    /// and keeps the session (and the officer's declaration); any other good read is the next traveller. Null: every
    /// good read after a settled one is the next traveller. The session knows nothing of MRZs; the caller decides.
    /// </summary>
    public Func<TScan, TScan, bool>? IsSameDocument { get; set; }

    /// <summary>The presence sensor changed.</summary>
    /// <param name="present">True: someone arrived; false: they left.</param>
    public void OnPresence(bool present)
    {
        BoothSessionOutcome<TScan>? done = null;
        lock (_gate)
        {
            _present = present;
            if (present && Phase == BoothPhase.Idle)
            {
                Start();
            }
            else if (!present && Phase != BoothPhase.Idle)
            {
                done = Finish(SessionEndReason.TravellerLeft);
            }
        }

        Raise(done);
    }

    /// <summary>A scan arrived and the caller judged it.</summary>
    /// <param name="scan">The caller's scan (kept only if good).</param>
    /// <param name="quality">The verdict.</param>
    public void OnScan(TScan scan, ScanQuality quality)
    {
        BoothSessionOutcome<TScan>? done = null;
        lock (_gate)
        {
            if (!_hasPresenceSensor && quality != ScanQuality.Unreadable && Phase is BoothPhase.Scanned or BoothPhase.AwaitingDeclaration
                && !IsRescanOfHeldDocument(scan))
            {
                // No sensor to tell travellers apart: a new good read after a settled one (or after one held for a
                // declaration that never came) is the next traveller; the held one is handed over, not overwritten.
                done = Finish(SessionEndReason.NextTraveller);
            }

            if (Phase == BoothPhase.Idle)
            {
                Start();
            }

            _attempts++;
            switch (quality)
            {
                case ScanQuality.Unreadable when Phase == BoothPhase.AwaitingScan:
                    _indicators.Show(IndicatorState.Rescan);
                    break;
                case ScanQuality.Unreadable:
                    // A stray bad read after a good one changes nothing: the good read stands.
                    break;
                case ScanQuality.NeedsDeclaration when _declaration is null:
                    Keep(scan, quality);
                    Phase = BoothPhase.AwaitingDeclaration;
                    _indicators.Show(IndicatorState.Attention);
                    Arm(_options.DeclarationTimeout);
                    break;
                default:
                    Keep(scan, quality);
                    Settle();
                    break;
            }
        }

        Raise(done);
    }

    /// <summary>The officer declared a status (button or <c>#DECLARE</c> line). It overrides document inference.</summary>
    /// <param name="statusToken">The status token.</param>
    public void OnDeclaration(string statusToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statusToken);
        lock (_gate)
        {
            if (Phase == BoothPhase.Idle)
            {
                Start();
            }

            _declaration = statusToken;
            if (Phase == BoothPhase.AwaitingDeclaration || Phase == BoothPhase.Scanned)
            {
                Settle();
            }
        }
    }

    /// <summary>Ends an open session now (the gateway is stopping) and raises <see cref="Completed"/> with what it
    /// holds, so a read the booth has shown as accepted is not lost.</summary>
    public void Flush()
    {
        BoothSessionOutcome<TScan>? done = null;
        lock (_gate)
        {
            if (Phase != BoothPhase.Idle)
            {
                done = Finish(SessionEndReason.Flushed);
            }
        }

        Raise(done);
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Start()
    {
        Phase = BoothPhase.AwaitingScan;
        _scan = default;
        _quality = ScanQuality.Unreadable;
        _declaration = null;
        _attempts = 0;
        _startedAt = _timeProvider.GetUtcNow();
        _indicators.Show(IndicatorState.Off);
        Arm(_hasPresenceSensor ? _options.MaxSessionTime : _options.DeclarationTimeout);
    }

    private bool IsRescanOfHeldDocument(TScan scan) => _scan is { } held && IsSameDocument is { } same && same(held, scan);

    private void Keep(TScan scan, ScanQuality quality)
    {
        _scan = scan;
        _quality = quality;
    }

    /// <summary>A good read (or a resolved hold): green, and wait for the traveller to leave.</summary>
    private void Settle()
    {
        Phase = BoothPhase.Scanned;
        _indicators.Show(IndicatorState.Accepted);
        Arm(_hasPresenceSensor && _present ? _options.MaxSessionTime : _options.NoSensorSettleTime);
    }

    private void Arm(TimeSpan dueTime) => _timer.Change(dueTime, Timeout.InfiniteTimeSpan);

    private void OnTimeout()
    {
        BoothSessionOutcome<TScan>? done = null;
        lock (_gate)
        {
            if (Phase != BoothPhase.Idle)
            {
                done = Finish(SessionEndReason.Timeout);
            }
        }

        Raise(done);
    }

    private BoothSessionOutcome<TScan>? Finish(SessionEndReason reason)
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var outcome = _attempts == 0 && _declaration is null
            ? null
            : new BoothSessionOutcome<TScan>(Lane, _scan, _quality, _declaration, _attempts, reason, _startedAt, _timeProvider.GetUtcNow());
        Phase = BoothPhase.Idle;
        _scan = default;
        _indicators.Show(IndicatorState.Off);
        return outcome;
    }

    private void Raise(BoothSessionOutcome<TScan>? outcome)
    {
        if (outcome is not null)
        {
            Completed?.Invoke(this, outcome);
        }
    }
}
