using System.Diagnostics.Metrics;

namespace EntryExit.Edge.Transport;

/// <summary>
/// Counters of the MQTT link (Meter "EntryExit.Edge.Transport"). Tags carry reason codes only, never record content.
/// </summary>
public sealed class TransportMetrics : IDisposable
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "EntryExit.Edge.Transport";

    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _reconnects;
    private readonly Histogram<double> _publishLatency;

    /// <summary>Creates the instruments, on <paramref name="meterFactory"/> when the host provides one.</summary>
    public TransportMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _sent = _meter.CreateCounter<long>("entryexit.transport.sent", "{record}", "Records acknowledged by the broker and marked delivered.");
        _failed = _meter.CreateCounter<long>("entryexit.transport.failed", "{attempt}", "Publish attempts that failed and will be retried.");
        _deadLettered = _meter.CreateCounter<long>("entryexit.transport.dead_lettered", "{record}", "Records the broker refused for good.");
        _reconnects = _meter.CreateCounter<long>("entryexit.transport.reconnects", "{connection}", "Connections made after the first one.");
        _publishLatency = _meter.CreateHistogram<double>("entryexit.transport.publish.latency", "ms", "Publish to PUBACK time.");
    }

    internal Meter Meter => _meter;

    internal void Sent(int count) => _sent.Add(count);

    internal void Failed(string reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void DeadLettered(string reason) => _deadLettered.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void Reconnected() => _reconnects.Add(1);

    internal void PublishLatency(TimeSpan elapsed) => _publishLatency.Record(elapsed.TotalMilliseconds);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
