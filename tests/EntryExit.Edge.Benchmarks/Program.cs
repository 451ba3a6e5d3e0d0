using BenchmarkDotNet.Running;

namespace EntryExit.Edge.Benchmarks;

/// <summary>Entry point: pass BenchmarkDotNet arguments, e.g. <c>--filter '*Mrz*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["outbox", ..])
        {
            OutboxHarness.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
