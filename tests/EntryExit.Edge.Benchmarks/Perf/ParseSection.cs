using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>The MRZ engine through BenchmarkDotNet (<see cref="MrzParseBenchmarks"/>), in process so no project is
/// generated and built: ns/op (mean) and bytes allocated per op.</summary>
internal static class ParseSection
{
    public static IEnumerable<PerfRow> Run(bool quick)
    {
        var job = (quick ? Job.ShortRun : Job.Default.WithWarmupCount(5).WithIterationCount(15))
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<MrzParseBenchmarks>(config);
        foreach (var report in summary.Reports)
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name.Replace("_Parse", string.Empty, StringComparison.Ordinal);
            var mean = report.ResultStatistics?.Mean;
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            var figure = mean is { } ns
                ? string.Create(CultureInfo.InvariantCulture, $"{ns:0} ns, {bytes} B")
                : "failed";
            var target = name == "Td3Valid" ? "target < 300 ns, < 1 KB (issue 2)" : string.Empty;
            yield return new PerfRow($"MRZ parse {Pretty(name)} (ns/op, bytes/op)", figure, "not measured (BenchmarkDotNet runs the JIT)", target);
        }
    }

    private static string Pretty(string name) => name switch
    {
        "Td3Valid" => "TD3 valid",
        "Td1Valid" => "TD1 valid",
        "Td3Repaired" => "TD3, 2 OCR repairs",
        "Td1Repaired" => "TD1, 1 OCR repair",
        _ => name,
    };
}
