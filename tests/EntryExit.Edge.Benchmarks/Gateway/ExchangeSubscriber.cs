using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// The exchange's side: <c>mosquitto_sub -q 1</c> on the entries topic. It tells which record id carries which
/// document number, so a scan can be matched to its delivery; it is also the subscriber Mosquitto needs so a
/// PUBACK is "success" rather than "no matching subscribers".
/// </summary>
internal sealed class ExchangeSubscriber : IDisposable
{
    private static readonly byte[] ProbePayload = "{\"probe\":true}"u8.ToArray();

    private readonly Process _process;
    private volatile bool _probeSeen;

    private ExchangeSubscriber(Process process) => _process = process;

    /// <summary>Document number by record id.</summary>
    public ConcurrentDictionary<Guid, string> DocumentByRecord { get; } = new();

    public static async Task<ExchangeSubscriber> StartAsync(int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("mosquitto_sub",
            ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-V", "5", "-i", "bench-exchange", "-t", BenchWorkspace.EntriesTopic])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_sub did not start");
        var subscriber = new ExchangeSubscriber(process);
        process.OutputDataReceived += (_, e) => subscriber.Take(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine("mosquitto_sub: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // mosquitto_sub prints no "subscribed" line: publish a probe until it comes back (setup, not measured).
        var deadline = Stopwatch.StartNew();
        while (!subscriber._probeSeen)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                subscriber.Dispose();
                throw new InvalidOperationException("mosquitto_sub did not receive the probe message");
            }

            await MosquittoPub.PublishAsync(port, [ProbePayload], cancellationToken);
            await Task.Delay(100, cancellationToken);
        }

        return subscriber;
    }

    private void Take(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.TryGetProperty("probe", out _))
        {
            _probeSeen = true;
            return;
        }

        if (root.TryGetProperty("recordId", out var id) && id.TryGetGuid(out var recordId) &&
            root.TryGetProperty("documentNumber", out var number) && number.GetString() is { } documentNumber)
        {
            DocumentByRecord.TryAdd(recordId, documentNumber);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
