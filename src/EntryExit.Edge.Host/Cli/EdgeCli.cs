using System.CommandLine;
using EntryExit.Edge.Host.Cli.Classify;
using EntryExit.Edge.Host.Cli.Config;
using EntryExit.Edge.Host.Cli.Demo;
using EntryExit.Edge.Host.Cli.Doctor;
using EntryExit.Edge.Host.Cli.Mrz;
using EntryExit.Edge.Host.Cli.Outbox;
using EntryExit.Edge.Host.Cli.Provision;
using EntryExit.Edge.Host.Cli.Run;
using EntryExit.Edge.Host.Cli.Status;

namespace EntryExit.Edge.Host.Cli;

/// <summary>The <c>entryexit-edge</c> command tree. One executable: the gateway service and the technician's tools.</summary>
public static class EdgeCli
{
    /// <summary>Builds the root command bound to the given streams and clock.</summary>
    public static RootCommand Build(CliIO io, TimeProvider time)
    {
        var root = new RootCommand("EntryExit.Edge: the Canada–U.S. entry/exit gateway and its technician tools.");
        root.Subcommands.Add(MrzCommand.Create(io, time));
        root.Subcommands.Add(ClassifyCommand.Create(io, time));
        root.Subcommands.Add(OutboxCommand.Create());
        root.Subcommands.Add(RunCommand.Create(io, time));
        root.Subcommands.Add(DemoCommand.Create(io, time));
        root.Subcommands.Add(ConfigCommand.Create(io));
        root.Subcommands.Add(StatusCommand.Create(io));
        root.Subcommands.Add(ProvisionCommand.Create(io));
        root.Subcommands.Add(DoctorCommand.Create(io, time));
        return root;
    }

    /// <summary>Parses and runs a command line. Usage errors exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliIO io, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        var parseResult = Build(io, time).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await io.Error.WriteLineAsync(error.Message);
            }

            await io.Error.WriteLineAsync("Run with --help to see the commands and options.");
            return ExitCodes.Usage;
        }

        // The hosted gateway handles SIGTERM/SIGINT itself (graceful stop within TimeoutStopSec), so the parser must not.
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
