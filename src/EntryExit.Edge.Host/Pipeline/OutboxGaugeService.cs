using EntryExit.Edge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// Samples the outbox's counts for the metrics' gauges (depth by state, oldest pending age, file size) at start and
/// then every <see cref="Options.Interval"/>: a gauge callback runs on the reader's thread and must not query SQLite itself.
/// </summary>
public sealed partial class OutboxGaugeService(SqliteOutbox outbox, GatewayMetrics metrics, OutboxGaugeService.Options options, TimeProvider time,
    ILogger<OutboxGaugeService> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                metrics.OutboxSampled(await outbox.GetStatusAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SampleFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>How often the outbox is sampled (default 15 s; tests shorten it).</summary>
    public sealed record Options(TimeSpan Interval)
    {
        /// <summary>The service's default: every 15 seconds.</summary>
        public static Options Default { get; } = new(TimeSpan.FromSeconds(15));
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "Sampling the outbox for metrics failed ({ExceptionType}: {Reason}); the gauges keep the last sample")]
    private static partial void SampleFailed(ILogger logger, string exceptionType, string reason);
}
