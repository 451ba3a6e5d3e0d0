using System.Diagnostics;
using System.Globalization;

namespace EntryExit.Edge.Fuzz;

/// <summary>
/// The fuzz harness. From the repository root:
/// <code>dotnet run -c Release --project tests/EntryExit.Edge.Fuzz -- [--inputs N] [--target a,b] [--threads T] [--seed S] [--replay]</code>
/// Runs N generated inputs per target (default 10,000,000; the configuration target at most 200,000), prints inputs/s per target and a table of totals, and
/// keeps each failure (crash, broken property or hang) in tests/EntryExit.Edge.Fuzz/corpus/&lt;target&gt;/. Exit 0
/// when every property held, 1 when a failure was kept, 2 on a usage error, 3 when an input hung.
/// </summary>
public static class Program
{
    private const long ConfigInputsCap = 200_000;

    public static int Main(string[] args)
    {
        var inputs = 10_000_000L;
        var threads = Environment.ProcessorCount;
        var names = new List<string>();
        var perTarget = new Dictionary<string, long>(StringComparer.Ordinal);
        string? seed = null;
        string? corpus = null;
        var replay = false;
        var hang = TimeSpan.FromSeconds(10);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--inputs": inputs = long.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--target": names.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                case "--seed": seed = Next(); break;
                case "--corpus": corpus = Next(); break;
                case "--replay": replay = true; break;
                case "--hang-seconds": hang = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case var a when a.StartsWith("--inputs-", StringComparison.Ordinal):
                    perTarget[a["--inputs-".Length..]] = long.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    break;
                case "-h" or "--help":
                    Console.WriteLine("fuzz [--inputs N] [--inputs-<target> N] [--target a,b] [--threads T] [--seed S] [--corpus DIR] [--replay] [--hang-seconds S]");
                    Console.WriteLine("targets: " + string.Join(", ", Targets.Create().Select(t => t.Name)));
                    return 0;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}' (try --help)");
                    return 2;
            }
        }

        // Each configuration input goes through a file, the JSON provider, the binder and time-zone look-ups: about a
        // hundred times the cost of the others, so its default share is capped (override with --inputs-config).
        perTarget.TryAdd("config", Math.Min(inputs, ConfigInputsCap));
        corpus ??= Corpus.Find(Environment.CurrentDirectory) ?? Path.Combine(Environment.CurrentDirectory, "fuzz-corpus");
        var all = Targets.Create();
        var unknown = names.Except(all.Select(t => t.Name), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown target(s): {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(t => t.Name))}");
            return 2;
        }

        var chosen = names.Count == 0 ? all : [.. all.Where(t => names.Contains(t.Name))];
        try
        {
            return replay ? Replay(chosen, corpus) : Fuzz(chosen, inputs, perTarget, threads, seed, corpus, hang);
        }
        finally
        {
            foreach (var t in all.OfType<IDisposable>())
            {
                t.Dispose();
            }
        }
    }

    private static int Fuzz(IReadOnlyList<FuzzTarget> targets, long inputs, Dictionary<string, long> perTarget, int threads, string? seed,
        string corpus, TimeSpan hang)
    {
        Console.WriteLine($"fuzz: {Machine()}");
        Console.WriteLine($"fuzz: {threads} threads; corpus {Path.GetRelativePath(Environment.CurrentDirectory, corpus)}; an input running over {hang.TotalSeconds:0} s is a hang");
        using var watchdog = new Watchdog(hang, (target, bytes) =>
        {
            var path = Corpus.Save(corpus, target.Name, bytes, "hang: one input ran longer than " + hang);
            Console.Error.WriteLine($"fuzz: {target.Name}: HANG, input kept in {path}");
        });
        var outcomes = new List<FuzzOutcome>();
        var total = Stopwatch.StartNew();
        foreach (var target in targets)
        {
            var n = perTarget.GetValueOrDefault(target.Name, inputs);
            Console.WriteLine($"fuzz: {target.Name}: {n:N0} inputs: {target.Description}");
            var outcome = target.Run(n, threads, seed, watchdog);
            outcomes.Add(outcome);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fuzz: {target.Name}: {outcome.Inputs:N0} inputs in {outcome.Elapsed.TotalSeconds:0.0} s, {outcome.InputsPerSecond:N0} inputs/s, {(outcome.Failure is null ? "ok" : "FAILED")}"));
            if (outcome.Failure is not null)
            {
                var path = Corpus.Save(corpus, target.Name, outcome.Failure, outcome.Problem + "\n" + outcome.CheckMessage);
                Console.WriteLine($"fuzz: {target.Name}: {outcome.Problem?.Split('\n')[0]}");
                Console.WriteLine($"fuzz: {target.Name}: smallest failing input kept in {Path.GetRelativePath(Environment.CurrentDirectory, path)} ({outcome.CheckMessage})");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| target | inputs | seconds | inputs/s | result |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var o in outcomes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {o.Target} | {o.Inputs:N0} | {o.Elapsed.TotalSeconds:0.0} | {o.InputsPerSecond:N0} | {(o.Failure is null ? "no failure" : "FAILED (kept)")} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **total** | {outcomes.Sum(o => o.Inputs):N0} | {total.Elapsed.TotalSeconds:0.0} | {outcomes.Sum(o => o.Inputs) / total.Elapsed.TotalSeconds:N0} | {outcomes.Count(o => o.Failure is not null)} failed |"));
        Console.WriteLine($"fuzz: done {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}");
        return outcomes.Any(o => o.Failure is not null) ? 1 : 0;
    }

    private static int Replay(IReadOnlyList<FuzzTarget> targets, string corpus)
    {
        var failed = 0;
        foreach (var target in targets)
        {
            foreach (var entry in Corpus.Entries(corpus, target.Name))
            {
                try
                {
                    target.Replay(File.ReadAllBytes(entry));
                    Console.WriteLine($"ok      {target.Name}/{Path.GetFileName(entry)}");
                }
                catch (Exception e)
                {
                    failed++;
                    Console.WriteLine($"FAILED  {target.Name}/{Path.GetFileName(entry)}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; cpu \"{model ?? "unknown"}\" x{Environment.ProcessorCount}; load average {LoadAverage()}; .NET {Environment.Version}";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
