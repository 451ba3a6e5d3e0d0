using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// The gateway's counters, as System.Diagnostics.Metrics instruments (readable with dotnet-counters, meter
/// <see cref="MeterName"/>) and as an in-process snapshot for the console summary and <c>status</c>.
/// Tags carry only lanes, decisions, categories, rule ids and error codes: never personal data.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "EntryExit.Edge.Gateway";

    private readonly Meter _meter;
    private readonly Counter<long> _scans;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _unreadable;
    private readonly Counter<long> _appends;
    private readonly Counter<long> _readerErrors;
    private OutboxStatus? _outbox;
    private readonly ConcurrentDictionary<string, long> _excluded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _held = new(StringComparer.Ordinal);
    private long _scanned;
    private long _stored;
    private long _duplicates;
    private long _unreadableCount;
    private long _rejected;

    /// <summary>Creates the instruments on a meter of their own.</summary>
    public GatewayMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _scans = _meter.CreateCounter<long>("entryexit.scans", "{scan}", "Documents read at the booths.");
        _decisions = _meter.CreateCounter<long>("entryexit.decisions", "{document}", "Eligibility decisions by decision, category and rule.");
        _unreadable = _meter.CreateCounter<long>("entryexit.unreadable", "{frame}", "Frames that were no readable MRZ, by error code.");
        _appends = _meter.CreateCounter<long>("entryexit.outbox.appends", "{record}", "Outbox appends by outcome (stored, duplicate, rejected).");
        _readerErrors = _meter.CreateCounter<long>("entryexit.reader.errors", "{error}",
            "Document reader faults by reader, lane and kind (disconnected: the device went away; error: any other fault).");
        // Gauges read the last outbox sample (OutboxGaugeService): an observation must not query SQLite itself.
        _meter.CreateObservableGauge("entryexit.outbox.records", ObserveOutboxRecords, "{record}",
            "Records held in the outbox by state (pending, dead-letter, expired), as last sampled.");
        _meter.CreateObservableGauge("entryexit.outbox.oldest_pending_age", ObserveOldestPendingAge, "s",
            "Age of the oldest pending record, as last sampled; 0 when nothing is pending.");
        _meter.CreateObservableGauge("entryexit.outbox.file_size", ObserveFileSize, "By",
            "Size of the outbox database file plus its write-ahead log, as last sampled.");
    }

    /// <summary>The last outbox sample, or null before the first.</summary>
    public OutboxStatus? LastOutboxSample => Volatile.Read(ref _outbox);

    /// <summary>A copy of the counters so far.</summary>
    public GatewayCountsSnapshot Snapshot() => new(
        Interlocked.Read(ref _scanned),
        Interlocked.Read(ref _stored),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _unreadableCount),
        Interlocked.Read(ref _rejected),
        new SortedDictionary<string, long>(_excluded, StringComparer.Ordinal),
        new SortedDictionary<string, long>(_held, StringComparer.Ordinal));

    internal void Scanned(string lane)
    {
        Interlocked.Increment(ref _scanned);
        _scans.Add(1, new KeyValuePair<string, object?>("lane", lane));
    }

    internal void Decided(string decision, string category, string rule) =>
        _decisions.Add(1, new("decision", decision), new("category", category), new("rule", rule));

    internal void Excluded(string category) => _excluded.AddOrUpdate(category, 1, (_, n) => n + 1);

    internal void Held(string rule) => _held.AddOrUpdate(rule, 1, (_, n) => n + 1);

    internal void Unreadable(string code)
    {
        Interlocked.Increment(ref _unreadableCount);
        _unreadable.Add(1, new KeyValuePair<string, object?>("code", code));
    }

    internal void Appended(ScanOutcomeKind outcome)
    {
        switch (outcome)
        {
            case ScanOutcomeKind.Stored: Interlocked.Increment(ref _stored); break;
            case ScanOutcomeKind.Duplicate: Interlocked.Increment(ref _duplicates); break;
            case ScanOutcomeKind.Rejected: Interlocked.Increment(ref _rejected); break;
            default: return;
        }

        _appends.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));
    }

    /// <summary>Records the outbox's latest counts for the gauges.</summary>
    internal void OutboxSampled(OutboxStatus status) => Volatile.Write(ref _outbox, status);

    internal void ReaderFault(string readerId, string lane, string kind) =>
        _readerErrors.Add(1, new("reader", readerId), new("lane", lane), new("kind", kind));

    private IEnumerable<Measurement<long>> ObserveOutboxRecords()
    {
        if (LastOutboxSample is not { } status)
        {
            return [];
        }

        return
        [
            new(status.Pending, new KeyValuePair<string, object?>("state", "pending")),
            new(status.DeadLetter, new KeyValuePair<string, object?>("state", "dead-letter")),
            new(status.Expired, new KeyValuePair<string, object?>("state", "expired")),
        ];
    }

    private IEnumerable<Measurement<double>> ObserveOldestPendingAge() =>
        LastOutboxSample is { } status ? [new(status.OldestPendingAge?.TotalSeconds ?? 0)] : [];

    private IEnumerable<Measurement<long>> ObserveFileSize() =>
        LastOutboxSample is { } status ? [new(status.FileSizeBytes + status.WalSizeBytes)] : [];

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
