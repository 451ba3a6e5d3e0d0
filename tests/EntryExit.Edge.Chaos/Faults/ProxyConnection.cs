using System.Net;
using System.Net.Sockets;

namespace EntryExit.Edge.Chaos.Faults;

/// <summary>One proxied connection: the gateway's socket, the broker's socket, a pump each way.</summary>
internal sealed class ProxyConnection(FaultProxy proxy, Socket client, int upstreamPort) : IDisposable
{
    private readonly Socket _upstream = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private int _reset;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Black hole: the gateway's SYN was answered (accepted), but nothing reaches the broker until healed.
            await proxy.WhenForwardingAsync(cancellationToken);
            await _upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, upstreamPort), cancellationToken);
            client.NoDelay = true;
            _upstream.NoDelay = true;
            await Task.WhenAll(PumpAsync(client, _upstream, cancellationToken), PumpAsync(_upstream, client, cancellationToken));
            client.Close();
            _upstream.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            Reset();
        }
    }

    /// <summary>Closes both sides with RST (linger 0), as a cut cable's far router would.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) == 0)
        {
            ResetSocket(client);
            ResetSocket(_upstream);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        _upstream.Dispose();
    }

    public static void ResetSocket(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        try
        {
            await ForwardAsync(from, to, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            Reset(); // one side failed: the other side learns it the way TCP would tell it
        }
    }

    private async Task ForwardAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            await proxy.WhenForwardingAsync(cancellationToken);
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                to.Shutdown(SocketShutdown.Send); // pass the half-close on
                return;
            }

            // A chunk read just before a black hole starts waits for the heal like the rest.
            await proxy.WhenForwardingAsync(cancellationToken);
            if (proxy.Mode == ProxyMode.Slow)
            {
                await Task.Delay(proxy.Latency, cancellationToken);
            }

            var sent = 0;
            while (sent < read)
            {
                sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken);
            }

            if (proxy.Mode == ProxyMode.Slow && proxy.BytesPerSecond > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)read / proxy.BytesPerSecond), cancellationToken);
            }
        }
    }
}
