using System.Text.Json;

namespace EntryExit.Edge.Chaos.Gateway;

/// <summary>
/// The outbox after the run, as a technician sees it with the gateway's own commands: <c>outbox status --json</c>,
/// <c>outbox list --json</c> (every record id ever stored, delivered ones as audit stubs) and <c>doctor --json</c>
/// (its outbox-integrity check runs SQLite's quick_check).
/// </summary>
internal sealed record OutboxSnapshot(
    long Pending,
    long DeadLetter,
    long Expired,
    long Delivered,
    IReadOnlyDictionary<Guid, string> States,
    string IntegrityOutcome,
    bool QuickCheckOk,
    string? Problem)
{
    public static async Task<OutboxSnapshot> TakeAsync(GatewayProcess gateway, string configPath, CancellationToken cancellationToken)
    {
        var status = await gateway.RunCommandAsync(["outbox", "status", "--json", "--config", configPath], cancellationToken);
        var list = await gateway.RunCommandAsync(["outbox", "list", "--json", "--limit", "100000000", "--config", configPath], cancellationToken);
        var doctor = await gateway.RunCommandAsync(["doctor", "--json", "--config", configPath], cancellationToken);
        if (status.ExitCode != 0 || list.ExitCode != 0)
        {
            return new OutboxSnapshot(-1, -1, -1, -1, new Dictionary<Guid, string>(), "unknown", false,
                $"outbox status exited {status.ExitCode}, outbox list exited {list.ExitCode}: {status.Error.Trim()} {list.Error.Trim()}");
        }

        using var statusJson = JsonDocument.Parse(status.Output);
        var s = statusJson.RootElement;
        using var listJson = JsonDocument.Parse(list.Output);
        var states = listJson.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("recordId").GetGuid(), e => e.GetProperty("state").GetString() ?? "?");

        var outcome = "missing";
        var quickCheckOk = false;
        foreach (var line in doctor.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var check = JsonDocument.Parse(line);
            if (check.RootElement.GetProperty("check").GetString() == "outbox-integrity")
            {
                outcome = check.RootElement.GetProperty("outcome").GetString() ?? "?";
                quickCheckOk = outcome != "error" && (check.RootElement.GetProperty("message").GetString() ?? "").Contains(" intact:", StringComparison.Ordinal);
            }
        }

        return new OutboxSnapshot(s.GetProperty("pending").GetInt64(), s.GetProperty("deadLetter").GetInt64(), s.GetProperty("expired").GetInt64(),
            s.GetProperty("delivered").GetInt64(), states, outcome, quickCheckOk, null);
    }
}
