using System.CommandLine;
using System.Text.RegularExpressions;

namespace EntryExit.Edge.Host.Cli.Provision;

/// <summary><c>provision --dir DIR [--gateway-id ID] [--force]</c>: the gateway's private key, CSR and outbox key.</summary>
internal static partial class ProvisionCommand
{
    public static Command Create(CliIO io)
    {
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Where to write client.key, client.csr and outbox.key.", Required = true };
        var id = new Option<string?>("--gateway-id") { Description = "The gateway id, the CSR's common name (CN); default: this machine's host name." };
        var force = new Option<bool>("--force") { Description = "Replace existing files (the old keys are lost: the old certificate and outbox become unusable)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("provision", "Create the gateway's EC P-256 private key (client.key, 0600), its certificate signing request " +
                                               "(client.csr, CN = gateway id) and the outbox key (outbox.key, 32 random bytes, 0600). " +
                                               "Refuses to overwrite existing files unless --force.");
        command.Options.Add(dir);
        command.Options.Add(id);
        command.Options.Add(force);
        command.Options.Add(json);
        command.SetAction(async (result, _) =>
        {
            var target = result.GetValue(dir)!.FullName;
            var gatewayId = result.GetValue(id) ?? Environment.MachineName;
            if (!IdPattern().IsMatch(gatewayId))
            {
                await io.Error.WriteLineAsync($"--gateway-id must be 1–64 letters, digits, '.', '-' or '_' (it becomes the MQTT client id); got '{gatewayId}'.");
                return ExitCodes.Usage;
            }

            var files = GatewayCredentials.Files(target);
            var existing = files.Where(File.Exists).ToList();
            if (existing.Count > 0 && !result.GetValue(force))
            {
                await io.Error.WriteLineAsync($"Refusing to overwrite {string.Join(", ", existing)}: replacing a key makes the signed certificate " +
                                              "and the outbox's sealed records unusable. Choose another --dir, or pass --force if that is intended.");
                return ExitCodes.Usage;
            }

            try
            {
                GatewayCredentials.Create(target, gatewayId, result.GetValue(force));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await io.Error.WriteLineAsync($"Cannot write to {target}: {e.Message} Check the directory's owner and permissions.");
                return ExitCodes.Failed;
            }

            if (result.GetValue(json))
            {
                JsonLines.Write(io.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("gatewayId", gatewayId);
                    w.WriteString("privateKey", files[0]);
                    w.WriteString("csr", files[1]);
                    w.WriteString("outboxKey", files[2]);
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            await io.Out.WriteLineAsync($"Created for gateway {gatewayId}:");
            await io.Out.WriteLineAsync($"  {files[0]}  EC P-256 private key (0600): stays on this box");
            await io.Out.WriteLineAsync($"  {files[1]}  certificate signing request, CN={gatewayId}: send it to the exchange's CA");
            await io.Out.WriteLineAsync($"  {files[2]}  outbox key, 32 random bytes (0600)");
            await io.Out.WriteLineAsync("Next: install client.key and outbox.key as systemd credentials (LoadCredential=), the signed certificate as Mqtt:ClientCertFile, then run doctor.");
            return ExitCodes.Ok;
        });
        return command;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
