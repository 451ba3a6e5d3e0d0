using System.Diagnostics;
using System.Globalization;

namespace EntryExit.Edge.Benchmarks;

/// <summary>
/// CPU per record of the outbox's share of a drain, alone (no broker): reads of 64 due records, as the pump reads
/// its window, and marks of 512 delivered, as the pump gathers them. Process CPU (user + system, nanosecond clock) around each call,
/// so the writer thread's work for a mark counts. Run: dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- outbox-cost [records] [rounds]
/// </summary>
internal static class OutboxCostHarness
{
    private const int ReadSize = 64;
    private const int MarkSize = 512;

    public static async Task RunAsync(string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        Console.WriteLine($"Outbox cost per record: reads of {ReadSize}, marks of {MarkSize}, {records} records per round (round 1 includes JIT).");
        Console.WriteLine("| round | read CPU µs | mark CPU µs | read+mark CPU µs | wall rec/s | allocated B per record |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "outbox-cost-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                await using var outbox = await OutboxHarness.OpenAsync(Path.Combine(directory, "cost.db"));
                await OutboxHarness.FillAsync(outbox, records);
                var readCpu = TimeSpan.Zero;
                var markCpu = TimeSpan.Zero;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var pending = new List<Guid>(MarkSize);
                var drained = 0;
                while (true)
                {
                    var before = ProcessCpu.Now();
                    var batch = await outbox.ReadDueAsync(ReadSize, CancellationToken.None);
                    readCpu += ProcessCpu.Now() - before;
                    pending.AddRange(batch.Select(i => i.RecordId));
                    if (pending.Count >= MarkSize || (batch.Count == 0 && pending.Count > 0))
                    {
                        before = ProcessCpu.Now();
                        await outbox.MarkDeliveredAsync(pending, CancellationToken.None);
                        markCpu += ProcessCpu.Now() - before;
                        drained += pending.Count;
                        pending = new List<Guid>(MarkSize);
                    }

                    if (batch.Count == 0)
                    {
                        break;
                    }
                }

                var seconds = clock.Elapsed.TotalSeconds;
                var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)drained;
                double Us(TimeSpan cpu) => cpu.TotalSeconds * 1e6 / drained;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | {Us(readCpu):0.0} | {Us(markCpu):0.0} | {Us(readCpu + markCpu):0.0} | {drained / seconds:0} | {bytes:0} |"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Console.WriteLine(Gateway.MachineInfo.Header());
    }
}
