using System.CommandLine;

namespace EntryExit.Edge.Host.Cli.Config;

/// <summary><c>config validate|show</c>: check a configuration before a restart, and see what the gateway would use.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("config", "Validate the gateway's configuration or show its effective values (secrets masked).");
        command.Subcommands.Add(ConfigValidateCommand.Create(io));
        command.Subcommands.Add(ConfigShowCommand.Create(io));
        return command;
    }
}
