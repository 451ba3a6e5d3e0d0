using System.CommandLine;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EntryExit.Edge.Host.Ops;

namespace EntryExit.Edge.Host.Cli.Status;

/// <summary><c>status [--json] [--socket PATH]</c>: asks the running gateway over its local Unix socket.</summary>
internal static class StatusCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Command Create(CliIO io)
    {
        var json = new Option<bool>("--json") { Description = "Print the gateway's JSON answer as is (one line)." };
        var socket = new Option<string?>("--socket")
        {
            Description = $"The status socket; default $RUNTIME_DIRECTORY/{StatusSocketPath.FileName}, else " +
                          $"{StatusSocketPath.PackagedRuntimeDirectory}/{StatusSocketPath.FileName} when it exists, else ./{StatusSocketPath.FallbackName}.",
        };
        var command = new Command("status", "Ask the running gateway: readers, broker link, outbox depth, oldest pending, last delivery, counts today. " +
                                            "Exit 1 when the gateway cannot be reached.");
        command.Options.Add(json);
        command.Options.Add(socket);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(socket) ?? StatusSocketPath.ForClient(Environment.GetEnvironmentVariable);
            string answer;
            try
            {
                answer = await AskAsync(path, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await io.Error.WriteLineAsync($"No answer from the gateway at {path} ({Reason(e)}). Is it running (systemctl status entryexit-edge)? " +
                                              "Are you in the service's group (sudo, or the entryexit group)? Pass --socket to ask another path.");
                return ExitCodes.Failed;
            }

            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                await io.Error.WriteLineAsync(error.GetString());
                return ExitCodes.Failed;
            }

            if (result.GetValue(json))
            {
                await io.Out.WriteLineAsync(answer.TrimEnd('\n'));
            }
            else
            {
                StatusText.Write(io.Out, document.RootElement);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<string> AskAsync(string path, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(path), limit.Token);
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(limit.Token);
    }

    private static string Reason(Exception e) => e switch
    {
        SocketException s => s.SocketErrorCode switch
        {
            SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported => "no such socket",
            SocketError.ConnectionRefused => "nothing listens there",
            SocketError.AccessDenied => "permission denied",
            _ => s.Message,
        },
        OperationCanceledException => "timed out",
        _ => e.Message,
    };
}
