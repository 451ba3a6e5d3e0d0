using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Ops;

/// <summary>
/// Answers <c>entryexit-edge status</c> over a Unix domain socket: each connection gets one JSON line with the
/// gateway's status, then the socket closes. File permissions are the access control; there is no TCP port.
/// A failure here is logged and never stops the gateway: the status socket is a convenience, the records are not.
/// </summary>
public sealed partial class StatusSocketServer(IGatewayStatusSource status, StatusSocketOptions options, ILogger<StatusSocketServer> logger) : BackgroundService
{
    /// <summary>How long one answer may take before the client gets an error instead.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = await TryListenAsync(stoppingToken);
        if (listener is null)
        {
            return;
        }

        var answering = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken);
                answering.RemoveAll(t => t.IsCompleted);
                answering.Add(AnswerAsync(client, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(answering);
            TryDelete(options.Path);
        }
    }

    private async Task<Socket?> TryListenAsync(CancellationToken cancellationToken)
    {
        var path = options.Path;
        try
        {
            if (File.Exists(path))
            {
                if (await IsAnsweredAsync(path, cancellationToken))
                {
                    SocketInUse(logger, path);
                    return null;
                }

                File.Delete(path); // left behind by a gateway that was killed
            }

            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                listener.Bind(new UnixDomainSocketEndPoint(path));
                File.SetUnixFileMode(path, options.Mode);
                listener.Listen(16);
                Listening(logger, path);
                return listener;
            }
            catch
            {
                listener.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            CannotListen(logger, path, e.Message);
            return null;
        }
    }

    private static async Task<bool> IsAnsweredAsync(string path, CancellationToken cancellationToken)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await probe.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return false;
        }
    }

    private async Task AnswerAsync(Socket client, CancellationToken stoppingToken)
    {
        using (client)
        {
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                limit.CancelAfter(AnswerTimeout);
                string line;
                try
                {
                    var current = await status.GetAsync(limit.Token);
                    line = ToJson(w => GatewayStatusJson.Write(w, current));
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    line = ToJson(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("error", "The gateway did not produce its status within 5 s: the outbox may be busy or hung. Try again; if it persists see journalctl -u entryexit-edge.");
                        w.WriteEndObject();
                    });
                }

                await client.SendAsync(Encoding.UTF8.GetBytes(line + "\n"), SocketFlags.None, stoppingToken);
                client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                var kind = e.GetType().Name;
                AnswerFailed(logger, kind);
            }
        }
    }

    private static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next start removes it.
        }
    }

    [LoggerMessage(EventId = 1610, Level = LogLevel.Information, Message = "Status socket listening at {Path} (entryexit-edge status)")]
    private static partial void Listening(ILogger logger, string path);

    [LoggerMessage(EventId = 1611, Level = LogLevel.Warning, Message = "Another gateway already answers on the status socket {Path}; this one serves no status. Is the service running twice?")]
    private static partial void SocketInUse(ILogger logger, string path);

    [LoggerMessage(EventId = 1612, Level = LogLevel.Warning, Message = "Cannot create the status socket {Path} ({Reason}); the gateway runs on without it. Check the directory's permissions (RuntimeDirectory=)")]
    private static partial void CannotListen(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1613, Level = LogLevel.Debug, Message = "A status client went away before its answer ({ExceptionType})")]
    private static partial void AnswerFailed(ILogger logger, string exceptionType);
}
