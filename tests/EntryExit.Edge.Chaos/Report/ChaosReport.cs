using System.Globalization;
using System.Text;

namespace EntryExit.Edge.Chaos.Report;

/// <summary>The printed report: one table (the issue's columns) and the details behind it.</summary>
internal static class ChaosReport
{
    public static string Table(ChaosCounts c)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| scans | eligible | delivered | duplicates | lost | forbidden seen | kills | broker restarts | network faults | disk-full episodes | clock jumps | duration |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.Append(string.Create(culture,
            $"| {c.Scans:N0} | {c.Eligible:N0} | {c.Delivered:N0} | {c.Duplicates:N0} | {c.Lost:N0} | {c.ForbiddenSeen:N0} | {c.Kills} | {c.BrokerRestarts} | " +
            $"{c.NetworkFaults} | {c.DiskFills} | {c.ClockJumps} | {(int)c.Duration.TotalMinutes} min {c.Duration.Seconds:00} s |"));
        return text.ToString();
    }

    public static string Details(RunEvidence run, ChaosCounts c, IReadOnlyList<string> notes)
    {
        var culture = CultureInfo.InvariantCulture;
        var f = run.Faults;
        var lanes = run.Floor.Lanes;
        var o = run.Outbox;
        var lines = new List<string>
        {
            string.Create(culture, $"travellers {c.Travellers:N0} over {lanes.Count} lanes ({string.Join(", ", lanes.Select(l => $"{l.Lane}:{Framing(l.Framing)}"))}), seed {run.Seed}; " +
                $"eligible {c.Eligible:N0}, must not be shared {c.Travellers - c.Eligible:N0}"),
            string.Create(culture, $"records on the exchange {run.Exchange.Records.Count:N0} ({run.Exchange.Messages:N0} messages; {c.Duplicates:N0} redeliveries of the same id); " +
                $"stored lines in the gateway log {run.Stored.Count:N0}; rescans of a recent traveller answered 'duplicate' {run.DuplicateScans:N0}"),
            string.Create(culture, $"rescans by the booth: {lanes.Sum(l => l.Rescans):N0} travellers (after kills and refusals; {run.RescansAfterRefusal:N0} after refusals), " +
                $"pty writes nobody read {lanes.Sum(l => l.SendFailures)}"),
            string.Create(culture, $"faults: {f.Kills} SIGKILL, {f.BrokerRestarts} Mosquitto restarts, network {f.Cuts} cut / {f.BlackHoles} black hole / {f.Slowdowns} slow, " +
                $"{f.DiskFills} disk full ({run.DiskDescription}; {run.Refusals} records refused while full), {f.ClockJumps} clock jumps ({run.ClockDescription}; {f.ClockJumpsSeen} seen in the gateway's clock)"),
            string.Create(culture, $"outbox after the run: {o.Pending} pending, {o.DeadLetter} dead-letter, {o.Expired} expired, {o.Delivered:N0} delivered stubs; " +
                $"doctor outbox-integrity: {o.IntegrityOutcome} (quick_check {(o.QuickCheckOk ? "ok" : "NOT ok")})"),
            string.Create(culture, $"gateway: {run.GatewayDescription}; processes {run.GatewayLogs.Count}, unexpected exits {run.UnexpectedExits.Count}, " +
                $"failed starts {run.FailedStarts}, final SIGTERM exit code {run.GatewayStopExitCode}; last records arrived {run.DrainDuration.TotalSeconds:0} s after the traffic"),
        };
        if (run.ErrorsByEvent.Count > 0)
        {
            lines.Add("gateway error/critical log events: " + string.Join("; ", run.ErrorsByEvent.OrderBy(kv => kv.Key).Select(kv =>
                string.Create(culture, $"[{kv.Key}] ×{kv.Value} \"{Cut(run.FirstErrorText.GetValueOrDefault(kv.Key, ""))}\""))));
        }

        lines.AddRange(notes);
        return string.Join(Environment.NewLine, lines);
    }

    private static string Framing(HardwareSim.Readers.SimFraming framing) => Gateway.GatewayConfig.Name(framing);

    private static string Cut(string text) => text.Length <= 140 ? text : text[..140] + "…";
}
