using System.Diagnostics;
using System.Globalization;
using System.Text;
using EntryExit.Edge.Benchmarks.Gateway;

namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>
/// One command, one table (issue 7). Usually run through tests/perf/run.sh, which publishes the JIT and Native AOT
/// builds first:
/// <code>dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- perf-table [--quick] [--jit PATH] [--aot PATH] [--out FILE] [--only a,b]</code>
/// Sections: parse (BenchmarkDotNet), outbox (appends vs fsync), drain (vs mosquitto_pub), latency (scan to PUBACK),
/// process (the real gateway process of each build: start-up to READY, RSS and CPU idle and at 50 records/s).
/// </summary>
internal static class PerfTable
{
    private static readonly string[] Sections = ["parse", "outbox", "drain", "latency", "process"];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var quick = false;
        string? jitPath = null;
        string? aotPath = null;
        string? output = null;
        var only = new HashSet<string>(Sections, StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--jit": jitPath = Next(); break;
                case "--aot": aotPath = Next(); break;
                case "--out": output = Next(); break;
                case "--only": only = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries)]; break;
                default:
                    Console.Error.WriteLine($"perf-table: unknown argument '{args[i]}'; usage: perf-table [--quick] [--jit PATH] [--aot PATH] [--out FILE] [--only {string.Join(',', Sections)}]");
                    return 2;
            }
        }

        var clock = Stopwatch.StartNew();
        var loadBefore = MachineInfo.LoadAverage();
        var started = DateTime.UtcNow;
        var rows = new List<PerfRow>();
        void Section(string name) => Console.WriteLine($"perf-table: {name} ({clock.Elapsed:mm\\:ss} elapsed, load average {MachineInfo.LoadAverage()})");

        // A section that fails is a row saying so: the rest of the table still gets measured.
        async Task Measure(string key, string title, Func<Task<IEnumerable<PerfRow>>> section)
        {
            if (!only.Contains(key))
            {
                return;
            }

            Section(title);
            try
            {
                rows.AddRange(await section());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"perf-table: {key} failed: {e}");
                rows.Add(new PerfRow(key, $"FAILED: {e.GetType().Name}: {e.Message.Split('\n')[0]}", "", ""));
            }
        }

        await Measure("parse", "MRZ parse (BenchmarkDotNet, in process)", () => Task.FromResult(ParseSection.Run(quick).ToList().AsEnumerable()));
        await Measure("outbox", "outbox: durable appends against the disk's fsync rate", () => InProcessSections.OutboxAsync(quick, cancellationToken));
        await Measure("drain", "backlog drain against mosquitto_pub -q 1", () => InProcessSections.DrainAsync(quick, cancellationToken));
        await Measure("latency", "scan to PUBACK at 50 and 500 records/s", () => InProcessSections.LatencyAsync(quick, cancellationToken));

        if (only.Contains("process"))
        {
            var jit = GatewayBuild.Published("JIT", jitPath, "JIT: published self-contained, trimmed single file") ?? GatewayBuild.BuildOutput();
            var aot = GatewayBuild.Published("Native AOT", aotPath, "Native AOT");
            Section($"the gateway process, {jit.Description}");
            ProcessSection.Figures? jitFigures = null;
            ProcessSection.Figures? aotFigures = null;
            var jitMissing = "FAILED (see the log above)";
            var aotMissing = aotPath is null ? "not measured (no --aot build given)" : "not measured: no Native AOT binary (publish failed?)";
            try
            {
                jitFigures = await ProcessSection.MeasureAsync(jit, 0, quick, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"perf-table: the JIT gateway process failed: {e}");
            }

            if (aot is not null)
            {
                Section("the gateway process, Native AOT");
                try
                {
                    aotFigures = await ProcessSection.MeasureAsync(aot, 1, quick, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Console.Error.WriteLine($"perf-table: the Native AOT gateway process failed: {e}");
                    aotMissing = "FAILED (see the log above)";
                }
            }

            rows.AddRange(ProcessSection.Rows(jitFigures, jitMissing, jit, aotFigures, aotMissing));
            foreach (var (name, figures) in (ReadOnlySpan<(string, ProcessSection.Figures?)>)[("JIT", jitFigures), ("AOT", aotFigures)])
            {
                if (figures is not null && figures.ExitCodes.Any(c => c != 0))
                {
                    Console.WriteLine($"perf-table: warning: the {name} gateway exited with {string.Join(", ", figures.ExitCodes)} on SIGTERM");
                }
            }
        }

        var table = Render(rows, quick, started, loadBefore, clock.Elapsed);
        Console.WriteLine();
        Console.WriteLine(table);
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, table, cancellationToken);
        }

        return 0;
    }

    private static string Render(List<PerfRow> rows, bool quick, DateTime started, string loadBefore, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | JIT | Native AOT | beside |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measure} | {row.Jit} | {row.Aot} | {row.Beside} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: cpu \"{MachineInfo.CpuModel()}\", {Environment.ProcessorCount} cores, {Kernel()}, .NET {Environment.Version}; " +
            $"{started:yyyy-MM-dd HH:mm} UTC; load average {loadBefore} at the start and {MachineInfo.LoadAverage()} at the end; " +
            $"{(quick ? "--quick, " : "")}{elapsed.TotalMinutes:0.0} minutes.");
        return text.ToString();
    }

    private static string Kernel()
    {
        try
        {
            return "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (IOException)
        {
            return "Linux";
        }
    }
}
