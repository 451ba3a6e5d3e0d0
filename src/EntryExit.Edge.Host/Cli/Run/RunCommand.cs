using System.CommandLine;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Host.Cli.Run;

/// <summary><c>entryexit-edge run --config FILE</c>: the gateway service.</summary>
internal static class RunCommand
{
    public static Command Create(CliIO io, TimeProvider time)
    {
        var config = new Option<FileInfo>("--config", "-c")
        {
            Description = "The gateway's JSON configuration file.",
            Required = true,
        };
        var command = new Command("run", "Run the gateway: document readers → MRZ engine → eligibility → outbox → MQTT. " +
                                         "Exit code 2 means the configuration is wrong (restarting cannot help).");
        command.Options.Add(config);
        command.SetAction((result, cancellationToken) => RunAsync(io, time, result.GetValue(config)!.FullName, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, TimeProvider time, string configPath, CancellationToken cancellationToken)
    {
        GatewaySettings settings;
        try
        {
            var configuration = GatewayConfigurationLoader.Load(configPath);
            settings = GatewaySettingsLoader.Bind(configuration, Environment.GetEnvironmentVariable, out var problems);
            if (problems.Count > 0)
            {
                await ConfigReport.WriteAsync(io.Error, configPath, problems);
                return ExitCodes.Usage;
            }
        }
        catch (ConfigurationFileException e)
        {
            await io.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }

        return await GatewayRunner.RunAsync(settings, time, io, cancellationToken);
    }
}
