using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Storage;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// The heart of the gateway: MRZ engine, then eligibility policy, then the outbox. A citizen's document is dropped
/// here and never reaches storage; an eligible one is acknowledged only once it is durable.
/// </summary>
public sealed class ScanProcessor
{
    private readonly SqliteOutbox _outbox;
    private readonly PortIdentity _port;
    private readonly PolicyOptions _policy;
    private readonly TimeProvider _time;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger<ScanProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public ScanProcessor(SqliteOutbox outbox, PortIdentity port, PolicyOptions policy, TimeProvider time, GatewayMetrics metrics, ILogger<ScanProcessor> logger)
    {
        _outbox = outbox;
        _port = port;
        _policy = policy;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Raised after each scan with its outcome (the console summary and the booth indicators listen).</summary>
    public event EventHandler<ScanOutcome>? Processed;

    /// <summary>Raised when a new record is durable, with the payload the forwarder sends (a shortcut past the backlog).</summary>
    public event EventHandler<QueuedMessage>? Stored;

    /// <summary>Parses, classifies and (when eligible) durably stores one scan. Never throws for bad input.</summary>
    public async Task<ScanOutcome> ProcessAsync(ScanInput scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var local = TimeZoneInfo.ConvertTime(scan.ReceivedAt, _port.Zone);
        var document = MrzParser.Parse(scan.Text, DateOnly.FromDateTime(local.DateTime));
        var outcome = document.Format is null
            ? Unreadable(scan, document)
            : await DecideAsync(scan, document, local, cancellationToken);
        Processed?.Invoke(this, outcome);
        return outcome;
    }

    private ScanOutcome Unreadable(ScanInput scan, MrzParseResult document)
    {
        var error = document.Errors.Count > 0 ? document.Errors[0] : new MrzError(MrzErrorCodes.UnknownFormat, "The frame is no MRZ.");
        _metrics.Unreadable(error.Code);
        PipelineLog.Unreadable(_logger, scan.ReaderId, scan.Lane, error.Code);
        return new ScanOutcome(ScanOutcomeKind.Unreadable, null, Code: error.Code, Message: "The document could not be read. Rescan it.");
    }

    private async Task<ScanOutcome> DecideAsync(ScanInput scan, MrzParseResult document, DateTimeOffset local, CancellationToken cancellationToken)
    {
        var verdict = EligibilityPolicy.Evaluate(document, scan.Declared, _policy);
        var decision = WireNames.ToWire(verdict.Decision);
        var category = WireNames.ToWire(verdict.Category);
        _metrics.Decided(decision, category, verdict.Rule);
        switch (verdict.Decision)
        {
            case Decision.Exclude:
                _metrics.Excluded(category);
                PipelineLog.Excluded(_logger, scan.Lane, category, verdict.Rule);
                return new ScanOutcome(ScanOutcomeKind.Excluded, verdict);
            case Decision.Hold:
                _metrics.Held(verdict.Rule);
                PipelineLog.Held(_logger, scan.Lane, verdict.Rule, verdict.Reason);
                return new ScanOutcome(ScanOutcomeKind.Held, verdict, Message: verdict.Reason);
            default:
                return await StoreAsync(scan, document, verdict, local, category, cancellationToken);
        }
    }

    private async Task<ScanOutcome> StoreAsync(
        ScanInput scan, MrzParseResult document, EligibilityResult verdict, DateTimeOffset local, string category, CancellationToken cancellationToken)
    {
        var record = EntryRecordFactory.Create(document, verdict, new EntryContext
        {
            RecordId = Guid.CreateVersion7(scan.ReceivedAt),
            EntryCountry = _port.EntryCountry,
            PortCode = _port.PortCode,
            PortName = _port.PortName,
            Lane = scan.Lane,
            EntryTime = scan.ReceivedAt,
            LocalUtcOffset = local.Offset,
        });
        var result = await _outbox.AppendAsync(record, cancellationToken);
        var kind = result.Outcome switch
        {
            AppendOutcome.Stored => ScanOutcomeKind.Stored,
            AppendOutcome.Duplicate => ScanOutcomeKind.Duplicate,
            _ => ScanOutcomeKind.Rejected,
        };
        _metrics.Appended(kind);
        if (kind == ScanOutcomeKind.Rejected)
        {
            PipelineLog.Rejected(_logger, scan.Lane, result.ErrorCode ?? "unknown", result.Message ?? string.Empty);
            return new ScanOutcome(kind, verdict, null, result.ErrorCode, result.Message);
        }

        PipelineLog.Stored(_logger, scan.Lane, category, result.RecordId, kind == ScanOutcomeKind.Duplicate);
        if (kind == ScanOutcomeKind.Stored)
        {
            Stored?.Invoke(this, new QueuedMessage(record.RecordId, EntryRecordJson.Serialize(record), 0, scan.ReceivedAt));
        }

        return new ScanOutcome(kind, verdict, result.RecordId);
    }
}
