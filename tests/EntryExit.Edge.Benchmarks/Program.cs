using BenchmarkDotNet.Running;
using EntryExit.Edge.Benchmarks.Gateway;

namespace EntryExit.Edge.Benchmarks;

/// <summary>
/// Entry point: <c>perf-table</c> prints the one table of issue 7; <c>outbox</c>, <c>outbox-cost</c>, <c>pipeline</c>, <c>drain</c> and <c>drain-reads</c> run harnesses (see docs/benchmarks.md); anything
/// else goes to BenchmarkDotNet, e.g. <c>--filter '*Mrz*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        switch (args)
        {
            case ["outbox", ..]:
                OutboxHarness.Run();
                return;
            case ["pipeline", .. var rest]:
                LatencyHarness.RunAsync(rest, CancellationToken.None).GetAwaiter().GetResult();
                return;
            case ["drain", .. var rest]:
                DrainHarness.RunAsync(rest, CancellationToken.None).GetAwaiter().GetResult();
                return;
            case ["perf-table", .. var rest]:
                Environment.ExitCode = Perf.PerfTable.RunAsync(rest, CancellationToken.None).GetAwaiter().GetResult();
                return;
            case ["outbox-cost", .. var rest]:
                OutboxCostHarness.RunAsync(rest).GetAwaiter().GetResult();
                return;
            case ["drain-reads", .. var rest]:
                ReadAmplificationHarness.RunAsync(rest, CancellationToken.None).GetAwaiter().GetResult();
                return;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return;
        }
    }
}
