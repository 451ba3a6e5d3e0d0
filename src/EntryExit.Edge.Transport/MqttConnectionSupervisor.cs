using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Transport;

/// <summary>
/// Keeps the MQTT link up with its own loop (MQTTnet 5 has no managed client, and reconnecting from
/// DisconnectedAsync risks deadlocks): connect with a persistent session, back off with jitter up to 60 s,
/// ping, publish retained online/offline status and periodic health.
/// </summary>
public sealed partial class MqttConnectionSupervisor : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly MqttLinkOptions _options;
    private readonly GatewayIdentity _identity;
    private readonly Func<CancellationToken, ValueTask<GatewayHealth>>? _healthProvider;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TransportMetrics _metrics;
    private readonly IMqttClient _client;
    private readonly Lock _gate = new();
    private readonly WriteHold _writeHold = new();
    private TaskCompletionSource _connected = NewSignal();
    private TaskCompletionSource _lost = NewSignal();
    private TlsMaterial? _tls;
    private LinkState _state;
    private int _connections;
    private int _backoffsArmed;
    private ushort? _receiveMaximum;

    /// <summary>Creates the supervisor; nothing connects until <see cref="RunAsync"/>.</summary>
    public MqttConnectionSupervisor(MqttLinkOptions options, GatewayIdentity identity, TimeProvider time, ILogger<MqttConnectionSupervisor> logger,
        TransportMetrics metrics, Func<CancellationToken, ValueTask<GatewayHealth>>? healthProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        _options = options;
        _identity = identity;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _healthProvider = healthProvider;
        Topics = new TopicLayout(options.TopicPrefix, identity);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <summary>Raised after every state change (on the thread that caused it).</summary>
    public event EventHandler<LinkState>? StateChanged;

    /// <summary>Current link state.</summary>
    public LinkState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Connections made after the first one.</summary>
    public int ReconnectCount => Math.Max(0, Volatile.Read(ref _connections) - 1);

    /// <summary>The broker's Receive Maximum from the last CONNACK; null when it sent none (then 65535 applies).</summary>
    public ushort? BrokerReceiveMaximum => _receiveMaximum;

    /// <summary>The topics this gateway publishes to.</summary>
    public TopicLayout Topics { get; }

    /// <summary>The protocol version negotiated by configuration.</summary>
    public bool IsMqtt5 => _options.ProtocolVersion != "3.1.1";

    internal IMqttClient Client => _client;

    /// <summary>Gathers the publishes of a round into one socket write (see <see cref="WriteHold"/>).</summary>
    internal WriteHold Writes => _writeHold;

    /// <summary>Completes when the link is (or becomes) connected.</summary>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reconnect backoffs armed so far. Tests on a fake clock move it only once the backoff waits: a timer armed after
    /// the clock moved would count from later.
    /// </summary>
    internal int BackoffsArmed => Volatile.Read(ref _backoffsArmed);

    /// <summary>Publishes on the current connection; throws MqttClientNotConnectedException while down.</summary>
    public Task<MqttClientPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken) =>
        _client.PublishAsync(message, cancellationToken);

    /// <summary>Runs until cancelled, then publishes "offline" and disconnects cleanly.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_options.UseTls)
        {
            TransportLog.InsecureLink(_logger, _options.Host, _options.Port);
        }
        else
        {
            _tls ??= TlsMaterial.Load(_options.CaFile!, _options.ClientCertFile,
                CredentialPaths.ResolveClientKey(_options.ClientKeyFile, Environment.GetEnvironmentVariable));
        }

        var failures = 0;
        var nextHealth = _time.GetUtcNow() + HealthInterval;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_client.IsConnected)
                {
                    if (await TryConnectAsync(cancellationToken))
                    {
                        failures = 0;
                        continue;
                    }

                    var delay = RetryBackoff.Compute(failures++, _options.RetryInitialDelay, Random.Shared);
                    TransportLog.ConnectFailed(_logger, _options.Host, _options.Port, _lastConnectError, delay);
                    var backoff = Task.Delay(delay, _time, cancellationToken);
                    Interlocked.Increment(ref _backoffsArmed);
                    await backoff;
                    continue;
                }

                Task lost;
                lock (_gate)
                {
                    lost = _lost.Task;
                }

                var untilHealth = HealthInterval > TimeSpan.Zero ? nextHealth - _time.GetUtcNow() : CheckInterval;
                var wait = TimeSpan.FromTicks(Math.Clamp(untilHealth.Ticks, 0, CheckInterval.Ticks));
                await Task.WhenAny(lost, Task.Delay(wait, _time, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (lost.IsCompleted || !await PingAsync(cancellationToken))
                {
                    SetState(LinkState.Disconnected);
                    continue;
                }

                if (HealthInterval > TimeSpan.Zero && _time.GetUtcNow() >= nextHealth)
                {
                    nextHealth = _time.GetUtcNow() + HealthInterval;
                    await PublishHealthAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop.
        }
        finally
        {
            await ShutdownAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.Dispose();
        _tls?.Dispose();
    }

    private TimeSpan HealthInterval => TimeSpan.FromSeconds(_options.HealthIntervalSeconds);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        // Only record the fact here; the loop reconnects (reconnecting from this handler can deadlock).
        if (args.ClientWasConnected)
        {
            TransportLog.LinkLost(_logger, args.Reason.ToString());
            SetState(LinkState.Disconnected);
            lock (_gate)
            {
                _lost.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    private void SetState(LinkState next)
    {
        lock (_gate)
        {
            if (_state == next)
            {
                return;
            }

            _state = next;
            if (next == LinkState.Connected)
            {
                _connected.TrySetResult();
            }
            else if (_connected.Task.IsCompleted)
            {
                _connected = NewSignal();
            }
        }

        StateChanged?.Invoke(this, next);
    }
}
