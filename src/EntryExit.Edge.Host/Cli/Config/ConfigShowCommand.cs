using System.CommandLine;
using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Host.Cli.Config;

/// <summary><c>config show --config FILE [--json]</c>: the effective configuration (file + environment), secrets masked.</summary>
internal static class ConfigShowCommand
{
    public static Command Create(CliIO io)
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "The gateway's JSON configuration file.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (key path to value) instead of text." };
        var command = new Command("show", "Print the effective configuration: the file with ENTRYEXIT_ environment overrides applied and the " +
                                          "defaults for what both leave out, secrets masked. Key files are shown by path only.");
        command.Options.Add(config);
        command.Options.Add(json);
        command.SetAction(async (result, _) =>
        {
            var path = result.GetValue(config)!.FullName;
            IReadOnlyList<EffectiveSetting> settings;
            try
            {
                settings = EffectiveConfiguration.Flatten(GatewayConfigurationLoader.Load(path), Environment.GetEnvironmentVariable);
            }
            catch (ConfigurationFileException e)
            {
                await io.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }

            if (result.GetValue(json))
            {
                JsonLines.Write(io.Out, w =>
                {
                    w.WriteStartObject();
                    foreach (var setting in settings)
                    {
                        w.WriteString(setting.Key, setting.Value);
                    }

                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            var width = settings.Count == 0 ? 0 : settings.Max(s => s.Key.Length);
            foreach (var setting in settings)
            {
                var origin = setting.Source switch { "environment" => "   (from environment)", "default" => "   (default)", _ => string.Empty };
                await io.Out.WriteLineAsync($"{setting.Key.PadRight(width)}  {setting.Value}{origin}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
