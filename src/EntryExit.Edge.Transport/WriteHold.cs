namespace EntryExit.Edge.Transport;

/// <summary>
/// Lets the pump gather the publishes of one round into a single socket write. A write per packet cost a send call,
/// the loopback or network stack's work for one segment and a wake-up of the broker for every record.
/// </summary>
internal sealed class WriteHold
{
    private volatile BufferedSocketStream? _stream;

    /// <summary>The connection's stream, set by the stream provider at each connect.</summary>
    public void Attach(BufferedSocketStream stream) => _stream = stream;

    /// <summary>Starts gathering on the current connection; returns it, to be given to <see cref="EndAsync"/>.</summary>
    public BufferedSocketStream? Begin()
    {
        var stream = _stream;
        stream?.Hold();
        return stream;
    }

    /// <summary>
    /// Sends what was gathered; waits at most until the connection closes. A failed send is not reported here: the
    /// connection is broken, MQTTnet's receive loop sees it and the publishes in the batch fail (or time out) and are
    /// retried.
    /// </summary>
    public static async ValueTask EndAsync(BufferedSocketStream? stream)
    {
        if (stream is null)
        {
            return;
        }

        try
        {
            await stream.EndHoldAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // See above: the publishes carry the failure (a cancellation here means the connection closed).
        }
    }
}
