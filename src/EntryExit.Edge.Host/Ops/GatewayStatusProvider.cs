using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Ops;

/// <summary>Assembles <see cref="GatewayStatus"/> from the pipeline's parts.</summary>
public sealed class GatewayStatusProvider : IGatewayStatusSource
{
    /// <summary>A loop idle this long while it has work is stalled: longer than a PUBACK timeout plus the pump's poll.</summary>
    public static TimeSpan StallAfter(MqttLinkOptions mqtt) =>
        TimeSpan.FromSeconds(Math.Max(60, 2 * (mqtt ?? throw new ArgumentNullException(nameof(mqtt))).PubAckTimeout.TotalSeconds));

    private readonly Lock _gate = new();
    private readonly PortIdentity _port;
    private readonly ReaderStateBoard _readers;
    private readonly MqttConnectionSupervisor _link;
    private readonly SqliteOutbox _outbox;
    private readonly GatewayMetrics _metrics;
    private readonly PipelineHeartbeats _heartbeats;
    private readonly TimeProvider _time;
    private readonly TimeSpan _stallAfter;
    private readonly DateTimeOffset _startedAt;
    private (DateOnly Day, GatewayCountsSnapshot Counts, long Delivered) _dayStart;

    /// <summary>Creates the provider; "today" starts now.</summary>
    public GatewayStatusProvider(PortIdentity port, ReaderStateBoard readers, MqttConnectionSupervisor link, SqliteOutbox outbox,
        GatewayMetrics metrics, PipelineHeartbeats heartbeats, MqttLinkOptions mqtt, TimeProvider time)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
        _readers = readers;
        _link = link;
        _outbox = outbox;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _heartbeats = heartbeats;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _stallAfter = StallAfter(mqtt);
        _startedAt = time.GetUtcNow();
        _dayStart = (LocalDay(_startedAt), metrics.Snapshot(), 0);
    }

    /// <inheritdoc/>
    public async Task<GatewayStatus> GetAsync(CancellationToken cancellationToken)
    {
        var outbox = await _outbox.GetStatusAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var counts = _metrics.Snapshot();
        var delivered = _heartbeats.Delivered;
        (DateOnly Day, GatewayCountsSnapshot Counts, long Delivered) dayStart;
        lock (_gate)
        {
            // The day turns at the first status after local midnight: the STATUS loop asks every few seconds.
            var today = LocalDay(now);
            if (today != _dayStart.Day)
            {
                _dayStart = (today, counts, delivered);
            }

            dayStart = _dayStart;
        }

        return new GatewayStatus(
            _port.GatewayId, VersionInfo.Version, _startedAt, now, _readers.Snapshot(), _link.State.ToString().ToLowerInvariant(), _link.ReconnectCount,
            outbox, _heartbeats.LastDelivery, delivered, counts, Subtract(counts, dayStart.Counts), delivered - dayStart.Delivered,
            _heartbeats.FindStalls(_stallAfter));
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _port.Zone).DateTime);

    private static GatewayCountsSnapshot Subtract(GatewayCountsSnapshot now, GatewayCountsSnapshot start) => new(
        now.Scanned - start.Scanned, now.Stored - start.Stored, now.Duplicates - start.Duplicates, now.Unreadable - start.Unreadable,
        now.Rejected - start.Rejected, Subtract(now.ExcludedByCategory, start.ExcludedByCategory), Subtract(now.HeldByRule, start.HeldByRule));

    private static SortedDictionary<string, long> Subtract(IReadOnlyDictionary<string, long> now, IReadOnlyDictionary<string, long> start) =>
        new(now.ToDictionary(p => p.Key, p => p.Value - start.GetValueOrDefault(p.Key)), StringComparer.Ordinal);
}
