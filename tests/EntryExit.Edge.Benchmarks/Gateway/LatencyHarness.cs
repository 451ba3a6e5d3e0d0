using System.Globalization;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>
/// Scan-to-PUBACK latency through the whole gateway.
/// Run: dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- pipeline [rate lanes seconds]...
/// With no arguments: 50 records/s on 1 lane and on 4 lanes, 500 records/s on 16 lanes, 20 s each, 3 runs each.
/// </summary>
internal static class LatencyHarness
{
    private const int Repeats = 3;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (LocalMosquitto.Executable is null)
        {
            Console.Error.WriteLine("mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients).");
            Environment.ExitCode = 2;
            return;
        }

        var cases = Parse(args);
        Console.WriteLine("Scan to PUBACK: frame handed to the lane reader -> record delivered (PUBACK + outbox marked).");
        Console.WriteLine("| run | rate/s | lanes | records | p50 ms | p99 ms | max ms | stored p50 ms | stored p99 ms | load avg |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var run = 0;
        foreach (var (rate, lanes, seconds) in cases)
        {
            for (var repeat = 0; repeat < Repeats; repeat++)
            {
                run++;
                var warmUp = (int)(rate * WarmUp.TotalSeconds);
                var measured = (int)(rate * seconds);
                var result = await new LatencyRun(run, rate, lanes, warmUp, measured).RunAsync(cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run} | {rate:0} | {lanes} | {result.Records} | {P(result.ScanToDelivered, 50):0.0} | {P(result.ScanToDelivered, 99):0.0} | " +
                    $"{result.ScanToDelivered.DefaultIfEmpty(double.NaN).Max():0.0} | {P(result.ScanToStored, 50):0.0} | {P(result.ScanToStored, 99):0.0} | {MachineInfo.LoadAverage()} |"));
                if (result.NotStored > 0)
                {
                    Console.WriteLine($"  warning: {result.NotStored} frames were not stored (every specimen should be eligible)");
                }
            }
        }

        Console.WriteLine(MachineInfo.Header());
    }

    private static double P(double[] values, double p) => LatencyResult.Percentile(values, p);

    private static List<(double Rate, int Lanes, int Seconds)> Parse(string[] args)
    {
        if (args.Length == 0)
        {
            return [(50, 1, 20), (50, 4, 20), (500, 16, 20)];
        }

        var cases = new List<(double, int, int)>();
        for (var i = 0; i + 2 < args.Length; i += 3)
        {
            cases.Add((double.Parse(args[i], CultureInfo.InvariantCulture), int.Parse(args[i + 1], CultureInfo.InvariantCulture),
                int.Parse(args[i + 2], CultureInfo.InvariantCulture)));
        }

        return cases;
    }
}
