using EntryExit.Edge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>Runs the outbox's housekeeping (expiry with alarms, audit-stub retention, incremental vacuum) at start
/// and then every <see cref="Interval"/>.</summary>
public sealed partial class OutboxMaintenanceService(SqliteOutbox outbox, TimeProvider time, ILogger<OutboxMaintenanceService> logger) : BackgroundService
{
    /// <summary>Time between runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await outbox.RunMaintenanceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MaintenanceFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Error, Message = "Outbox maintenance failed ({ExceptionType}: {Reason}); it runs again in 10 minutes")]
    private static partial void MaintenanceFailed(ILogger logger, string exceptionType, string reason);
}
