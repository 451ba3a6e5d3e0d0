using System.Globalization;
using EntryExit.Edge.Chaos;

// The chaos suite's long version (issue 7), on demand. See docs/chaos.md.
//   dotnet run -c Release --project tests/EntryExit.Edge.Chaos -- [--scans N] [--kills N] ... (--help)
// Exit 0 when the gateway kept every promise, 1 when it did not (the report says what), 2 on usage errors.
const string Usage = """
    usage: EntryExit.Edge.Chaos [options]
      --scans N            scans to send over the lanes (default 10000; misreads count, rescans come on top)
      --lanes N            lanes, each a virtual reader on a pty (default 8; framings rotate)
      --seed N             traffic and fault plan seed (default 7)
      --kills N            SIGKILLs of the gateway (default 12)
      --broker-restarts N  Mosquitto restarts (default 4)
      --network-faults N   cut / black hole / slow through the proxy, in turn (default 12)
      --disk-fills N       disk-full episodes (default 3)
      --clock-jumps N      wall-clock steps of the gateway (default 4; needs libfaketime)
      --disk MODE          auto | loop | tmpfs | cap (default auto: loop ext4, else tmpfs, else the outbox cap)
      --gap-ms N           pause between frames on a lane (default 250)
      --gateway PATH       the gateway to run: a published entryexit-edge or entryexit-edge.dll (default: the build output)
      --work DIR           keep the run's files here (default: a temp folder, kept only when the run fails)
      --drain-seconds N    how long the end waits for the last records (default 180)
    """;

var options = new ChaosOptions { Progress = Console.Out };
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
        switch (args[i])
        {
            case "--scans": options.Scans = Int(); break;
            case "--lanes": options.Lanes = Int(); break;
            case "--seed": options.Seed = Int(); break;
            case "--kills": options.Kills = Int(); break;
            case "--broker-restarts": options.BrokerRestarts = Int(); break;
            case "--network-faults": options.NetworkFaults = Int(); break;
            case "--disk-fills": options.DiskFills = Int(); break;
            case "--clock-jumps": options.ClockJumps = Int(); break;
            case "--disk": options.DiskMode = Enum.Parse<DiskMode>(Next(), ignoreCase: true); break;
            case "--gap-ms": options.FrameGap = TimeSpan.FromMilliseconds(Int()); break;
            case "--gateway": options.Gateway = Next(); break;
            case "--work": options.WorkDirectory = Path.GetFullPath(Next()); options.KeepWorkDirectory = true; break;
            case "--drain-seconds": options.DrainTimeout = TimeSpan.FromSeconds(Int()); break;
            case "-h" or "--help": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var result = await ChaosRunner.RunAsync(options, cancel.Token);
Console.WriteLine();
Console.WriteLine(result);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                  $".NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
return result.Passed ? 0 : 1;
