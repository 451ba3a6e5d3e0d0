using EntryExit.Edge.Transport;
using EntryExit.Edge.Host.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Ops;

/// <summary>
/// Under systemd: a <c>STATUS=</c> line every few seconds and on every reader or broker change, and
/// <c>WATCHDOG=1</c> at half of WatchdogSec, but only while the pipeline's loops show progress, so a hung gateway is
/// killed and restarted. Taking the status reads the outbox, so a hung database also stops the petting.
/// Without systemd (no <see cref="ISystemdNotifier"/>) it does nothing.
/// </summary>
public sealed partial class SystemdNotifyService : BackgroundService
{
    /// <summary>How often STATUS is refreshed when nothing changes.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);

    private readonly ISystemdNotifier? _notifier;
    private readonly IGatewayStatusSource _status;
    private readonly WatchdogTiming _watchdog;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdNotifyService> _logger;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the service; <paramref name="notifier"/> is null when not running under systemd.</summary>
    public SystemdNotifyService(ISystemdNotifier? notifier, IGatewayStatusSource status, WatchdogTiming watchdog, TimeProvider time,
        ILogger<SystemdNotifyService> logger)
    {
        _notifier = notifier;
        _status = status;
        _watchdog = watchdog;
        _time = time;
        _logger = logger;
    }

    /// <summary>Wires change notifications from the link and the readers.</summary>
    internal void WatchChanges(MqttConnectionSupervisor link, IEnumerable<Devices.Readers.IDocumentReader> readers)
    {
        link.StateChanged += (_, _) => SignalChange();
        foreach (var reader in readers)
        {
            reader.StateChanged += (_, _) => SignalChange();
        }
    }

    /// <summary>Something a technician sees changed: refresh STATUS now.</summary>
    public void SignalChange() => _changed.TrySetResult();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_notifier is not { IsEnabled: true } notifier)
        {
            return;
        }

        var petEvery = _watchdog.PetInterval;
        // Ticking at half the pet interval keeps the worst gap between pets at 1.5 intervals, well inside WatchdogSec.
        var tick = petEvery is { } pet && pet / 2 < StatusInterval ? pet / 2 : StatusInterval;
        var nextPet = _time.GetUtcNow();
        string? lastLine = null;
        var stalled = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                var (line, stalls) = await TakeStatusAsync(stoppingToken);
                if (line != lastLine)
                {
                    notifier.Notify(new ServiceState("STATUS=" + line));
                    lastLine = line;
                }

                if (stalls.Count > 0 != stalled)
                {
                    stalled = !stalled;
                    if (stalled)
                    {
                        WatchdogWithheld(_logger, string.Join("; ", stalls));
                    }
                    else
                    {
                        WatchdogResumed(_logger);
                    }
                }

                if (petEvery is { } interval && !stalled && _time.GetUtcNow() >= nextPet)
                {
                    notifier.Notify(new ServiceState("WATCHDOG=1"));
                    nextPet = _time.GetUtcNow() + interval;
                }

                await Task.WhenAny(Task.Delay(tick, _time, stoppingToken), changed.Task);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // A status that cannot be taken (the outbox failing) withholds the pet like a stall, but never stops the gateway:
    // if it persists, systemd's restart is the remedy.
    private async Task<(string Line, IReadOnlyList<string> Stalls)> TakeStatusAsync(CancellationToken stoppingToken)
    {
        try
        {
            var status = await _status.GetAsync(stoppingToken);
            return (StatusLine.Format(status), status.Stalls);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            var reason = $"status unavailable ({e.GetType().Name})";
            return (reason, [reason]);
        }
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Error, Message = "Watchdog withheld, systemd will restart the gateway unless it recovers: {Stalls}")]
    private static partial void WatchdogWithheld(ILogger logger, string stalls);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "The pipeline makes progress again; watchdog resumed")]
    private static partial void WatchdogResumed(ILogger logger);
}
