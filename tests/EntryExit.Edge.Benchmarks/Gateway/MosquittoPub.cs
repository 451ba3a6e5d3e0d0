using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>The reference: <c>mosquitto_pub -q 1 -V 5 -l</c>, one connection, one payload per stdin line.</summary>
internal static class MosquittoPub
{
    /// <summary>
    /// Seconds from process start until it exited (connect, every PUBACK, disconnect), and the CPU seconds it used.
    /// </summary>
    public static async Task<(double Seconds, double CpuSeconds)> PublishAsync(int port, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        var input = new StringBuilder();
        foreach (var payload in payloads)
        {
            input.Append(Encoding.UTF8.GetString(payload)).Append('\n');
        }

        var start = new ProcessStartInfo("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-V", "5",
             "-t", BenchWorkspace.EntriesTopic, "-i", "bench-mosquitto-pub", "-l"])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var text = input.ToString();
        var childCpu = ChildCpu.Total();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_pub did not start");
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (ChildCpu.Total() - childCpu).TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exited with {process.ExitCode}");
        }

        return (seconds, cpu);
    }
}
