using System.CommandLine;
using EntryExit.Edge.Host.Demo;

namespace EntryExit.Edge.Host.Cli.Demo;

/// <summary><c>entryexit-edge demo [--count N]</c>: the gateway on embedded defaults.</summary>
internal static class DemoCommand
{
    public static Command Create(CliIO io, TimeProvider time)
    {
        var count = new Option<int?>("--count", "-n")
        {
            Description = "Process N simulated travellers, wait until every eligible record is delivered, print the summary and exit.",
        };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 1_000_000)
            {
                r.AddError("--count must be between 1 and 1000000.");
            }
        });
        var lanes = new Option<int>("--lanes") { Description = "Simulated booth lanes (1–36).", DefaultValueFactory = _ => 4 };
        lanes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 36)
            {
                r.AddError("--lanes must be between 1 and 36.");
            }
        });
        var rate = new Option<double>("--rate") { Description = "Travellers per second across all lanes.", DefaultValueFactory = _ => 20 };
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 10_000)
            {
                r.AddError("--rate must be more than 0 and at most 10000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated traffic (same seed, same travellers).", DefaultValueFactory = _ => 2026 };

        var command = new Command("demo", "Run the gateway on embedded defaults: simulated booth lanes, an in-process MQTT broker standing " +
                                          "in for the exchange, a temporary outbox and key. Live summary until Ctrl+C, or --count N and exit.");
        foreach (var option in new Option[] { count, lanes, rate, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) => new DemoRun(io, time).RunAsync(
            result.GetValue(count), result.GetValue(lanes), result.GetValue(rate), result.GetValue(seed), cancellationToken));
        return command;
    }
}
