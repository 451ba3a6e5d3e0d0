using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EntryExit.Edge.Chaos.Faults;

/// <summary>
/// A TCP proxy between the gateway and Mosquitto, on a free loopback port, that can
/// <list type="bullet">
/// <item><b>cut</b> the network: every connection is reset (RST) and new ones are reset on accept;</item>
/// <item><b>black-hole</b> it: connections are accepted, nothing is forwarded either way (bytes wait, as TCP
/// segments would wait for a path that drops them), and forwarding resumes when healed;</item>
/// <item><b>slow</b> it: each chunk is delayed and the byte rate capped, per direction.</item>
/// </list>
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<ProxyConnection, byte> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _healed = Healed();
    private Task? _accepting;
    private int _accepted;

    public FaultProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public ProxyMode Mode { get; private set; } = ProxyMode.Pass;

    /// <summary>Latency added to each chunk while slow.</summary>
    public TimeSpan Latency { get; private set; }

    /// <summary>Bytes per second per direction while slow.</summary>
    public int BytesPerSecond { get; private set; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => _accepted;

    public void Start() => _accepting = Task.Run(() => AcceptAsync(_stop.Token));

    /// <summary>Resets every connection (RST both ways) and resets new ones until healed.</summary>
    public void Cut()
    {
        SetMode(ProxyMode.Cut);
        foreach (var connection in _connections.Keys)
        {
            connection.Reset();
        }
    }

    public void BlackHole() => SetMode(ProxyMode.BlackHole);

    public void Slow(TimeSpan latency, int bytesPerSecond)
    {
        Latency = latency;
        BytesPerSecond = bytesPerSecond;
        SetMode(ProxyMode.Slow);
    }

    public void Heal() => SetMode(ProxyMode.Pass);

    /// <summary>Completes when the proxy forwards again (pass or slow).</summary>
    internal Task WhenForwardingAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _healed.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections.Keys)
        {
            connection.Reset();
        }

        if (_accepting is not null)
        {
            await _accepting;
        }

        _stop.Dispose();
    }

    private void SetMode(ProxyMode mode)
    {
        lock (_lock)
        {
            Mode = mode;
            if (mode is ProxyMode.Pass or ProxyMode.Slow)
            {
                _healed.TrySetResult();
            }
            else if (_healed.Task.IsCompleted)
            {
                _healed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously); // completes at the heal
            }
        }
    }

    private static TaskCompletionSource Healed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.TrySetResult();
        return source;
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            if (Mode == ProxyMode.Cut)
            {
                ProxyConnection.ResetSocket(client);
                continue;
            }

            var connection = new ProxyConnection(this, client, _upstreamPort);
            _connections[connection] = 0;
            _ = Task.Run(async () =>
            {
                await connection.RunAsync(cancellationToken);
                _connections.TryRemove(connection, out _);
                connection.Dispose();
            }, CancellationToken.None);
        }
    }
}
