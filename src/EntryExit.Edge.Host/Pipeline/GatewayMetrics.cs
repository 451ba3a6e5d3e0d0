using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

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
    }

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

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
