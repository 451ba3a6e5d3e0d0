using System.Net;
using System.Net.Sockets;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>
/// A loopback port for a test broker, chosen below Linux's ephemeral range (32768+): a broker that is down
/// for a while must find its port again, and the OS never hands these out to outgoing connections.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
    }
}
