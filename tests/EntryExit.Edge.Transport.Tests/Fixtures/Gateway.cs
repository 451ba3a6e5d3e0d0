using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>Supervisor + pump wired as the host will wire them, running until disposed.</summary>
internal sealed class Gateway : IAsyncDisposable
{
    public static readonly GatewayIdentity Identity = new("gw-test-1", "CAN", "0427", "1.0.0-test");

    private readonly CancellationTokenSource _stop = new();
    private Task _linkTask = Task.CompletedTask;
    private Task _pumpTask = Task.CompletedTask;

    private Gateway(MqttLinkOptions options, InMemoryDeliveryQueue queue, TimeProvider time, Func<CancellationToken, ValueTask<GatewayHealth>>? health)
    {
        Options = options;
        Queue = queue;
        Link = new MqttConnectionSupervisor(options, Identity, time, LinkLog, Metrics, health);
        Pump = new DeliveryPump(queue, Link, options, time, PumpLog, Metrics);
    }

    public MqttLinkOptions Options { get; }

    public InMemoryDeliveryQueue Queue { get; }

    public TransportMetrics Metrics { get; } = new();

    public CapturingLogger<MqttConnectionSupervisor> LinkLog { get; } = new();

    public CapturingLogger<DeliveryPump> PumpLog { get; } = new();

    public MqttConnectionSupervisor Link { get; }

    public DeliveryPump Pump { get; }

    public Task LinkTask => _linkTask;

    public static MqttLinkOptions PlainOptions(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UseTls = false,
        AllowInsecure = true,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // Generous: a spurious timeout on a loaded machine would add a retry that a test counting attempts sees.
        PubAckTimeout = TimeSpan.FromSeconds(10),
        RetryInitialDelay = TimeSpan.FromMilliseconds(100),
        KeepAliveSeconds = 5,
        HealthIntervalSeconds = 0,
    };

    public static Gateway Create(MqttLinkOptions options, InMemoryDeliveryQueue? queue = null, Func<CancellationToken, ValueTask<GatewayHealth>>? health = null,
        TimeProvider? time = null) =>
        new(options, queue ?? new InMemoryDeliveryQueue(time ?? TimeProvider.System), time ?? TimeProvider.System, health);

    public static Gateway Start(MqttLinkOptions options, InMemoryDeliveryQueue? queue = null, Func<CancellationToken, ValueTask<GatewayHealth>>? health = null)
    {
        var gateway = Create(options, queue, health);
        gateway.StartLink();
        gateway.StartPump();
        return gateway;
    }

    public void StartLink() => _linkTask = Task.Run(() => Link.RunAsync(_stop.Token));

    public void StartPump() => _pumpTask = Task.Run(() => Pump.RunAsync(_stop.Token));

    public Task WaitConnectedAsync() => Link.WaitUntilConnectedAsync(TestContext.Current.CancellationToken).WaitAsync(Eventually.DefaultLimit, TestContext.Current.CancellationToken);

    public Task StopAsync()
    {
        _stop.Cancel();
        return Task.WhenAll(_linkTask, _pumpTask);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Link.Dispose();
        Metrics.Dispose();
        _stop.Dispose();
    }
}
