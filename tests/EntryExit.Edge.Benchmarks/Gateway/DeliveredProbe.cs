using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// A logger provider that timestamps the pump's "Record {RecordId} delivered" event (id 4010), which the pump
/// logs right after <c>MarkDeliveredAsync</c> returned, i.e. after PUBACK and after the outbox marked the row.
/// Only that category is enabled at Debug for this provider; everything else stays at Warning.
/// </summary>
internal sealed class DeliveredProbe : ILoggerProvider
{
    public const string PumpCategory = "EntryExit.Edge.Transport.DeliveryPump";
    private const int DeliveredEventId = 4010;

    public ConcurrentDictionary<Guid, long> DeliveredAt { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ProbeLogger(this, categoryName == PumpCategory);

    public void Dispose()
    {
    }

    private sealed class ProbeLogger(DeliveredProbe probe, bool listening) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => listening;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!listening || eventId.Id != DeliveredEventId || state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            foreach (var (key, value) in fields)
            {
                if (key == "RecordId" && value is Guid id)
                {
                    probe.DeliveredAt.TryAdd(id, now);
                }
            }
        }
    }
}
