using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>The harness's end of <c>NOTIFY_SOCKET</c>: a Unix datagram socket that records when <c>READY=1</c> arrives
/// (Stopwatch timestamp), as systemd would for a <c>Type=notify</c> unit.</summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NotifySocket(string path)
    {
        Path = path;
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _loop = Task.Run(ReceiveAsync);
    }

    public string Path { get; }

    /// <summary>Completes with the timestamp of the next READY=1.</summary>
    public Task<long> Ready => _ready.Task;

    /// <summary>Waits for a new READY=1 from the next start.</summary>
    public void Rearm() => _ready = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The receive loop ends with the socket.
        }

        _stop.Dispose();
        File.Delete(Path);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var at = Stopwatch.GetTimestamp();
            var text = Encoding.UTF8.GetString(buffer, 0, n);
            if (text.Split('\n').Contains("READY=1", StringComparer.Ordinal))
            {
                _ready.TrySetResult(at);
            }
        }
    }
}
