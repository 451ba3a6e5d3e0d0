using System.Diagnostics;
using System.Diagnostics.Metrics;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// Listens to the transport's "sent" counter, which the pump adds to right after <c>MarkDeliveredAsync</c>
/// returned; completes (with a timestamp) once <paramref name="target"/> records were delivered and marked.
/// </summary>
internal sealed class SentCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TaskCompletionSource<long> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _target;
    private long _sent;
    private long _lastAt;

    public SentCounter(long target)
    {
        _target = target;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TransportMetrics.MeterName && instrument.Name == "entryexit.transport.sent")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            Interlocked.Exchange(ref _lastAt, Stopwatch.GetTimestamp());
            if (Interlocked.Add(ref _sent, value) >= _target)
            {
                _reached.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        _listener.Start();
    }

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The timestamp of the last delivery reported (0 before the first).</summary>
    public long LastAt => Interlocked.Read(ref _lastAt);

    /// <summary>The timestamp at which the target was reached.</summary>
    public Task<long> Reached => _reached.Task;

    public void Dispose() => _listener.Dispose();
}
