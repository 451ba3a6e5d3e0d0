using System.CommandLine;
using EntryExit.Edge.Host.Cli.Run;
using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Host.Cli.Config;

/// <summary><c>config validate FILE [--json]</c>: every problem at once, each with its key path. Exit 0 valid, 2 invalid.</summary>
internal static class ConfigValidateCommand
{
    public static Command Create(CliIO io)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The gateway's JSON configuration file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("validate", "Check the configuration (file + ENTRYEXIT_ environment overrides): every problem at once, with its key path. " +
                                              "Exit 0 when valid, 2 when not.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(async (result, _) =>
        {
            var path = result.GetValue(file)!.FullName;
            var problems = Validate(path, Environment.GetEnvironmentVariable);
            if (result.GetValue(json))
            {
                JsonLines.Write(io.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", path);
                    w.WriteBoolean("valid", problems.Count == 0);
                    w.WriteStartArray("problems");
                    foreach (var problem in problems)
                    {
                        w.WriteStartObject();
                        w.WriteString("key", problem.Key);
                        w.WriteString("message", problem.Message);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else if (problems.Count == 0)
            {
                await io.Out.WriteLineAsync($"{path}: valid.");
            }
            else
            {
                await ConfigReport.WriteAsync(io.Out, path, problems);
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Usage;
        });
        return command;
    }

    /// <summary>Every problem of the configuration at <paramref name="path"/>; a missing or unreadable file is one problem.</summary>
    public static IReadOnlyList<ConfigProblem> Validate(string path, Func<string, string?> environment)
    {
        try
        {
            var configuration = GatewayConfigurationLoader.Load(path);
            GatewaySettingsLoader.Bind(configuration, environment, out var problems);
            return problems;
        }
        catch (ConfigurationFileException e)
        {
            return [new ConfigProblem("(file)", e.Message)];
        }
    }
}
