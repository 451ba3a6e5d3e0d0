using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Ops;

/// <summary>
/// Progress marks the pipeline's loops leave as they work, so the watchdog can tell a quiet gateway from a hung one:
/// the delivery pump touches the outbox at least every second while the link is up (and every publish ends by
/// PUBACK or timeout), and every frame a reader hands over must come out of the MRZ engine.
/// </summary>
public sealed class PipelineHeartbeats
{
    private readonly TimeProvider _time;
    private long _framesForwarded;
    private long _framesProcessed;
    private long _lastForwardTicks;
    private long _lastProcessedTicks;
    private long _pumpActivityTicks;
    private long _connectedSinceTicks;
    private long _lastDeliveryTicks;
    private long _delivered;
    private volatile bool _connected;

    /// <summary>Creates the heartbeats; nothing is stalled until something has been waiting for <c>stallAfter</c>.</summary>
    public PipelineHeartbeats(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var now = time.GetUtcNow().UtcTicks;
        _pumpActivityTicks = now;
        _connectedSinceTicks = now;
    }

    /// <summary>When the broker last acknowledged a record, or null.</summary>
    public DateTimeOffset? LastDelivery => Read(ref _lastDeliveryTicks);

    /// <summary>Records acknowledged since start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Frames handed to the pipeline and not yet processed (a scan that failed with an exception stays counted).</summary>
    public long FramesInProgress => Math.Max(0, Interlocked.Read(ref _framesForwarded) - Interlocked.Read(ref _framesProcessed));

    /// <summary>The delivery pump touched the outbox (read, delivered, retried or dead-lettered).</summary>
    public void PumpActivity() => Interlocked.Exchange(ref _pumpActivityTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>The broker acknowledged <paramref name="count"/> records.</summary>
    public void DeliveredRecords(int count)
    {
        Interlocked.Add(ref _delivered, count);
        Interlocked.Exchange(ref _lastDeliveryTicks, _time.GetUtcNow().UtcTicks);
    }

    /// <summary>The broker link changed state; the pump is only expected to work while it is connected.</summary>
    public void LinkChanged(LinkState state)
    {
        var connected = state == LinkState.Connected;
        if (connected && !_connected)
        {
            Interlocked.Exchange(ref _connectedSinceTicks, _time.GetUtcNow().UtcTicks);
        }

        _connected = connected;
    }

    /// <summary>A reader handed a document frame to the pipeline.</summary>
    public void FrameForwarded()
    {
        Interlocked.Exchange(ref _lastForwardTicks, _time.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _framesForwarded);
    }

    /// <summary>A frame counted by <see cref="FrameForwarded"/> never reached the pipeline (the write failed).</summary>
    public void FrameWithdrawn() => Interlocked.Decrement(ref _framesForwarded);

    /// <summary>The pipeline finished a frame (whatever the outcome).</summary>
    public void FrameProcessed()
    {
        Interlocked.Increment(ref _framesProcessed);
        Interlocked.Exchange(ref _lastProcessedTicks, _time.GetUtcNow().UtcTicks);
    }

    /// <summary>What has made no progress for longer than <paramref name="stallAfter"/>; empty when all is well.</summary>
    public IReadOnlyList<string> FindStalls(TimeSpan stallAfter)
    {
        var now = _time.GetUtcNow();
        var stalls = new List<string>();
        if (_connected)
        {
            var since = new DateTimeOffset(Math.Max(Interlocked.Read(ref _pumpActivityTicks), Interlocked.Read(ref _connectedSinceTicks)), TimeSpan.Zero);
            if (now - since > stallAfter)
            {
                stalls.Add($"delivery pump idle for {Seconds(now - since)} s while the broker is connected");
            }
        }

        // Stalled when the latest frame is still waiting and nothing finished since it arrived. Comparing with the
        // latest frame (not a count alone) keeps a scan that failed with an exception from looking stuck forever.
        var lastForward = Interlocked.Read(ref _lastForwardTicks);
        var waited = now - new DateTimeOffset(lastForward, TimeSpan.Zero);
        if (FramesInProgress > 0 && Interlocked.Read(ref _lastProcessedTicks) < lastForward && waited > stallAfter)
        {
            stalls.Add($"a scan has waited {Seconds(waited)} s for the MRZ engine and outbox");
        }

        return stalls;
    }

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;

    private static DateTimeOffset? Read(ref long ticks)
    {
        var value = Interlocked.Read(ref ticks);
        return value == 0 ? null : new DateTimeOffset(value, TimeSpan.Zero);
    }
}
