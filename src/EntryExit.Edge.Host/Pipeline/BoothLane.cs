using System.Threading.Channels;
using EntryExit.Edge.Devices.Booth;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// One lane's booth session: reads and officer declarations go in; when the traveller's session ends (next
/// traveller, timeout, presence lost, or the gateway stopping) the final document, with the declaration, goes to the
/// <see cref="ScanProcessor"/>. Classification waits for the session so that a declaration made after the scan (a
/// declared citizen on a foreign passport) is applied before anything is stored.
/// </summary>
internal sealed class BoothLane : IDisposable
{
    private readonly BoothSession<ScanInput> _session;
    private readonly Channel<(BoothSessionOutcome<ScanInput> Outcome, ScanInput? LastUnreadable)> _outcomes =
        Channel.CreateUnbounded<(BoothSessionOutcome<ScanInput>, ScanInput?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ScanProcessor _processor;
    private readonly PipelineContext _context;
    private readonly ILogger _logger;
    private readonly LaneHardware? _hardware;
    private ScanInput? _lastUnreadable;
    private int _inProcess;

    /// <summary>Creates the lane's session over its hardware.</summary>
    /// <param name="lane">The lane.</param>
    /// <param name="processor">Classifies and stores finished sessions.</param>
    /// <param name="context">What every lane shares.</param>
    /// <param name="hardware">The lane's presence sensor, lights and officer buttons; null for a lane without GPIO,
    /// whose sessions end on the next traveller's read or the settle time.</param>
    /// <param name="logger">Logger.</param>
    public BoothLane(string lane, ScanProcessor processor, PipelineContext context, LaneHardware? hardware, ILogger logger)
    {
        _processor = processor;
        _context = context;
        _logger = logger;
        _hardware = hardware;
        _session = new BoothSession<ScanInput>(lane, hardware?.Indicators ?? new NullLaneIndicators(), context.Booth, context.Time,
            hasPresenceSensor: hardware?.Presence is not null);
        _session.IsSameDocument = SameDocument;
        _session.Completed += (_, outcome) =>
        {
            Interlocked.Increment(ref _inProcess);
            _outcomes.Writer.TryWrite((outcome, Interlocked.Exchange(ref _lastUnreadable, null)));
        };
        if (hardware?.Presence is { } presence)
        {
            presence.PresenceChanged += OnPresence;
            if (presence.IsPresent)
            {
                OnPresence(presence, true); // someone already stands at the booth as the gateway starts
            }
        }

        if (hardware?.OfficerInput is { } buttons)
        {
            buttons.Declared += OnButton;
        }
    }

    /// <summary>What the lane's lights show now.</summary>
    public IndicatorState Indicator => _hardware?.Indicators.Current ?? IndicatorState.Off;

    /// <summary>The lane.</summary>
    public string Lane => _session.Lane;

    /// <summary>The session's phase, for status displays.</summary>
    public BoothPhase Phase => _session.Phase;

    /// <summary>True when no session is open and every finished one has been processed.</summary>
    public bool IsIdle => _session.Phase == BoothPhase.Idle && Volatile.Read(ref _inProcess) == 0;

    /// <summary>Feeds one frame from the lane's reader.</summary>
    public void OnFrame(ReaderFrame frame)
    {
        if (OfficerDeclarations.TryRead(frame.Text, out var status))
        {
            PipelineLog.Declaration(_logger, frame.Lane, status is { } known ? WireNames.ToWire(known) : "unrecognised");
            if (status is { } declared)
            {
                _session.OnDeclaration(WireNames.ToWire(declared));
            }

            return;
        }

        _context.Metrics.Scanned(frame.Lane);
        var scan = new ScanInput(frame.ReaderId, frame.Lane, frame.Text, frame.ReceivedAt);
        var quality = Assess(scan);
        if (quality == ScanQuality.Unreadable)
        {
            Volatile.Write(ref _lastUnreadable, scan);
        }

        _session.OnScan(scan, quality);
    }

    /// <summary>Processes finished sessions until <see cref="Complete"/> is called and the last one is done.</summary>
    public async Task RunAsync()
    {
        await foreach (var (outcome, lastUnreadable) in _outcomes.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                // A session with no good read still reaches the processor, so it is counted and reported (held/unreadable).
                var scan = outcome.Scan ?? lastUnreadable;
                if (scan is not null)
                {
                    var declared = outcome.OfficerDeclaration is { } token && WireNames.TryParseDeclaredStatus(token, out var parsed) ? parsed : DeclaredStatus.None;
                    // Not cancelled by shutdown: a read the booth accepted is finished (stored or dropped) before we stop.
                    await _processor.ProcessAsync(scan with { Declared = declared }, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                PipelineLog.ProcessingFailed(_logger, outcome.Lane, e.GetType().Name);
            }
            finally
            {
                Interlocked.Decrement(ref _inProcess);
            }
        }
    }

    /// <summary>Ends the open session (its read is processed, not lost) and lets <see cref="RunAsync"/> finish.</summary>
    public void Complete()
    {
        _session.Flush();
        _outcomes.Writer.TryComplete();
    }

    public void Dispose()
    {
        if (_hardware?.Presence is { } presence)
        {
            presence.PresenceChanged -= OnPresence;
        }

        if (_hardware?.OfficerInput is { } buttons)
        {
            buttons.Declared -= OnButton;
        }

        _session.Dispose();
    }

    // Raised on the GPIO driver's event thread or the debounce timer; the session machine locks itself.
    private void OnPresence(object? sender, bool present)
    {
        PipelineLog.Presence(_logger, Lane, present ? "arrived" : "left");
        _session.OnPresence(present);
    }

    private void OnButton(object? sender, string token)
    {
        if (OfficerDeclarations.TryReadToken(token, out var status) && status is { } declared)
        {
            var wire = WireNames.ToWire(declared);
            PipelineLog.Declaration(_logger, Lane, wire);
            _session.OnDeclaration(wire);
        }
    }

    // A read of the document the session already holds is the same traveller's rescan (say, after a misread that the
    // MRZ engine had already repaired, so the light was green), not the next traveller: ending the session there would
    // classify the first read without the declaration the officer gives after the rescan, and share a declared
    // citizen's record. Same document: issuing state, number and birth date, the outbox's duplicate key.
    private bool SameDocument(ScanInput held, ScanInput next)
    {
        var a = MrzParser.Parse(held.Text, _context.LocalDate(held.ReceivedAt));
        var b = MrzParser.Parse(next.Text, _context.LocalDate(next.ReceivedAt));
        return a.Valid && b.Valid && a.DocumentNumber is not null
            && string.Equals(a.DocumentNumber, b.DocumentNumber, StringComparison.Ordinal)
            && string.Equals(a.IssuingState, b.IssuingState, StringComparison.Ordinal)
            && a.DateOfBirth == b.DateOfBirth;
    }

    // Unreadable: ask for a rescan (amber). NeedsDeclaration: the policy would hold it for review, which an officer's
    // declaration may settle (red, wait). Good: green.
    private ScanQuality Assess(ScanInput scan)
    {
        var document = MrzParser.Parse(scan.Text, _context.LocalDate(scan.ReceivedAt));
        if (document.Format is null || !document.Valid)
        {
            return ScanQuality.Unreadable;
        }

        var verdict = EligibilityPolicy.Evaluate(document, DeclaredStatus.None, _context.Policy);
        return verdict.Decision == Decision.Hold ? ScanQuality.NeedsDeclaration : ScanQuality.Good;
    }
}
