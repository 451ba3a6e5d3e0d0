using System.CommandLine;
using EntryExit.Edge.Host.Cli.Config;
using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary><c>doctor --config FILE [--json]</c>: the field check, each item ✔, ⚠ or ✖ with the fix to try.
/// Exit 0 when nothing is ✖, 1 otherwise.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliIO io, TimeProvider time)
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "The gateway's JSON configuration file.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per check instead of text." };
        var command = new Command("doctor", "Check this box the way the gateway needs it: configuration, reader devices, GPIO chip, broker (TCP, TLS), " +
                                            "outbox disk space and integrity, certificates expiring within 30 days, clock. Exit 0 when nothing is ✖, 1 otherwise.");
        command.Options.Add(config);
        command.Options.Add(json);
        command.SetAction(async (result, cancellationToken) =>
        {
            var checks = await RunChecksAsync(result.GetValue(config)!.FullName, time, Environment.GetEnvironmentVariable, cancellationToken);
            if (result.GetValue(json))
            {
                foreach (var check in checks)
                {
                    JsonLines.Write(io.Out, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("check", check.Id);
                        w.WriteString("outcome", check.Outcome switch { CheckOutcome.Ok => "ok", CheckOutcome.Warning => "warning", _ => "error" });
                        w.WriteString("message", check.Message);
                        w.WriteString("fix", check.Fix);
                        w.WriteEndObject();
                    });
                }
            }
            else
            {
                foreach (var check in checks)
                {
                    var mark = check.Outcome switch { CheckOutcome.Ok => "✔", CheckOutcome.Warning => "⚠", _ => "✖" };
                    await io.Out.WriteLineAsync($"{mark} {check.Message}");
                    if (check.Fix is not null)
                    {
                        await io.Out.WriteLineAsync($"    fix: {check.Fix}");
                    }
                }

                var errors = checks.Count(c => c.Outcome == CheckOutcome.Error);
                var warnings = checks.Count(c => c.Outcome == CheckOutcome.Warning);
                await io.Out.WriteLineAsync($"{checks.Count} checks: {errors} ✖, {warnings} ⚠");
            }

            return checks.Any(c => c.Outcome == CheckOutcome.Error) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    public static async Task<IReadOnlyList<DoctorCheck>> RunChecksAsync(string configPath, TimeProvider time, Func<string, string?> environment,
        CancellationToken cancellationToken, GpioChecks.GpioProbe? gpioProbe = null)
    {
        var checks = new List<DoctorCheck>();
        GatewaySettings settings;
        IReadOnlyList<ConfigProblem> problems;
        try
        {
            settings = GatewaySettingsLoader.Bind(GatewayConfigurationLoader.Load(configPath), environment, out problems);
        }
        catch (ConfigurationFileException e)
        {
            checks.Add(DoctorCheck.Fail("config", e.Message, "Pass --config with the gateway's configuration (packaged: /etc/entryexit-edge/config.json)."));
            return checks;
        }

        checks.Add(problems.Count == 0
            ? DoctorCheck.Ok("config", $"configuration {configPath} valid")
            : DoctorCheck.Fail("config", $"configuration {configPath} has {problems.Count} problem(s): {string.Join("; ", problems)}",
                $"Fix them (entryexit-edge config validate {configPath}); the checks below use the values as they are."));

        checks.AddRange(await DeviceChecks.CheckAsync(settings, cancellationToken));
        checks.AddRange(GpioChecks.Check(settings.Gpio, gpioProbe ?? GpioChecks.GpioProbe.System));
        if (!string.IsNullOrWhiteSpace(settings.Mqtt.Host))
        {
            checks.AddRange(await BrokerChecks.CheckAsync(settings.Mqtt, settings.Gateway, environment, time, cancellationToken));
        }

        checks.AddRange(OutboxChecks.Check(settings, time, environment));
        checks.AddRange(CertificateChecks.Check(settings.Mqtt, time));
        checks.Add(ClockCheck.Check(time, File.Exists));
        return checks;
    }
}
