using EntryExit.Edge.Chaos.Broker;
using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Chaos.Report;

/// <summary>
/// Compares a run with its ground truth. <b>Lost</b> means: an eligible traveller whose record never reached the
/// exchange (every scan the booth finalised before a kill, and every scan a dead or refusing gateway had not
/// finalised, was rescanned, so each eligible traveller must arrive), or a record id the gateway stored (its log
/// said so, or its outbox lists it) that never reached the exchange.
/// </summary>
internal static class ChaosAnalysis
{
    /// <summary>Categories that must never reach the exchange under Phase II.</summary>
    private static readonly HashSet<string> NeverShared = ["canadian-citizen", "us-citizen", "registered-indian", "protected-person", "unknown"];

    /// <summary>The gateway's default Outbox:DedupeWindowMinutes: a rescan within it (on the gateway's clock) is stored once.</summary>
    private static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(10);

    public static ChaosResult Analyse(RunEvidence run)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var byNumber = run.Travellers.ToDictionary(t => t.DocumentNumber, StringComparer.Ordinal);
        var records = run.Exchange.Records.Values.ToList();
        var eligible = run.Travellers.Where(t => t.Expected == ExpectedOutcome.Send).ToList();
        var arrived = records.Where(r => r.DocumentNumber is not null).GroupBy(r => r.DocumentNumber!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Delivery: every eligible traveller, by document number.
        var missing = eligible.Where(t => !arrived.ContainsKey(t.DocumentNumber)).ToList();
        var visits = run.Floor.Lanes.SelectMany(l => l.Sessions).GroupBy(s => s.Traveller.Sequence).ToDictionary(g => g.Key, g => g.Count());
        foreach (var t in missing.Take(25))
        {
            problems.Add($"LOST: eligible {t.Kind} on lane {t.Lane} (traveller #{t.Sequence}, {visits.GetValueOrDefault(t.Sequence)} visit(s)) never reached the exchange");
        }

        // Stored ids (log or outbox) that never arrived.
        var storedIds = run.Stored.Keys.Concat(run.Outbox.States.Keys).ToHashSet();
        var undelivered = storedIds.Where(id => !run.Exchange.Records.ContainsKey(id)).ToList();
        foreach (var id in undelivered.Take(25))
        {
            problems.Add($"LOST: record {id} was stored (outbox state: {run.Outbox.States.GetValueOrDefault(id, "gone from the outbox")}) and never reached the exchange");
        }

        // Never shared: every record must map to an eligible traveller.
        var forbidden = 0;
        foreach (var r in records)
        {
            var traveller = r.DocumentNumber is null ? null : byNumber.GetValueOrDefault(r.DocumentNumber);
            var why = traveller is null ? "matches no traveller of the run"
                : traveller.Expected != ExpectedOutcome.Send ? $"is a {traveller.Kind} (expected {traveller.Expected})"
                : NeverShared.Contains(r.Category ?? "") ? $"carries category {r.Category}" : null;
            if (why is not null)
            {
                forbidden++;
                problems.Add($"FORBIDDEN on the exchange: record {r.RecordId} (lane {r.Lane}, category {r.Category}) {why}");
            }
        }

        // One record id per traveller; a second one only when the rescan came after the dedupe window on the gateway's clock.
        var reRecordedByContract = 0;
        foreach (var (number, list) in arrived)
        {
            if (list.Count < 2)
            {
                continue;
            }

            var times = list.Where(r => r.EntryTime is not null).Select(r => r.EntryTime!.Value).Order().ToList();
            var spread = times.Count == list.Count ? times[^1] - times[0] : TimeSpan.Zero;
            if (spread > DedupeWindow)
            {
                reRecordedByContract++;
            }
            else
            {
                var t = byNumber.GetValueOrDefault(number);
                problems.Add($"SECOND RECORD: {list.Count} record ids for one {t?.Kind} on lane {t?.Lane} within the dedupe window (entry times {spread.TotalSeconds:0} s apart)");
            }
        }

        var duplicates = records.Sum(r => r.Count - 1);
        foreach (var r in records.Where(r => r.DifferentPayloads > 0))
        {
            problems.Add($"REDELIVERY CHANGED: record {r.RecordId} arrived {r.DifferentPayloads} time(s) with other bytes than the first");
        }

        CheckOutbox(run, problems);
        CheckGateway(run, problems, notes);
        CheckFaults(run, problems);
        PrivacyScan.Check(run, problems);
        if (run.Exchange.Malformed > 0)
        {
            problems.Add($"{run.Exchange.Malformed} message(s) on the entries topic were no entry record");
        }

        if (run.Exchange.SessionsCreated > 1)
        {
            problems.Add($"the broker lost the exchange's persistent session {run.Exchange.SessionsCreated - 1} time(s) (Mosquitto persistence): the run cannot vouch for delivery");
        }

        if (reRecordedByContract > 0)
        {
            notes.Add($"{reRecordedByContract} traveller(s) rescanned after a forward clock step got a second record id: the dedupe window " +
                      "(Outbox:DedupeWindowMinutes) runs on the gateway's wall clock, which had moved past it (documented behaviour)");
        }

        var counts = new ChaosCounts(
            Scans: run.Floor.ScansSent,
            Travellers: run.Travellers.Count,
            Eligible: eligible.Count,
            Delivered: eligible.Count - missing.Count,
            Duplicates: duplicates,
            Lost: missing.Count + undelivered.Count,
            ForbiddenSeen: forbidden,
            Kills: run.Faults.Kills,
            BrokerRestarts: run.Faults.BrokerRestarts,
            NetworkFaults: run.Faults.NetworkFaults,
            DiskFills: run.Faults.DiskFills,
            ClockJumps: run.Faults.ClockJumps,
            Duration: run.Duration);
        return new ChaosResult(counts, problems, ChaosReport.Details(run, counts, notes));
    }

    private static void CheckOutbox(RunEvidence run, List<string> problems)
    {
        var o = run.Outbox;
        if (o.Problem is not null)
        {
            problems.Add("outbox commands failed: " + o.Problem);
            return;
        }

        if (o.Pending > 0 || o.DeadLetter > 0 || o.Expired > 0)
        {
            problems.Add($"STUCK: the outbox still holds {o.Pending} pending, {o.DeadLetter} dead-letter and {o.Expired} expired record(s) after the drain");
        }

        if (!o.QuickCheckOk)
        {
            problems.Add($"outbox integrity (doctor's quick_check) is not ok: {o.IntegrityOutcome}");
        }

        foreach (var moved in run.MovedAside)
        {
            problems.Add("the gateway moved a damaged outbox aside: " + moved);
        }
    }

    private static void CheckGateway(RunEvidence run, List<string> problems, List<string> notes)
    {
        foreach (var (instance, code) in run.UnexpectedExits)
        {
            problems.Add($"CRASH: gateway process {instance} exited by itself with code {code} (see gateway-{instance}.log)");
        }

        if (run.GatewayStopExitCode != 0)
        {
            problems.Add($"the final clean stop (SIGTERM) exited with {run.GatewayStopExitCode}, not 0");
        }

        if (run.FailedStarts > 0)
        {
            notes.Add($"{run.FailedStarts} start(s) of the gateway failed and were retried");
        }
    }

    private static void CheckFaults(RunEvidence run, List<string> problems)
    {
        var asked = run.Requested;
        var f = run.Faults;
        void Short(string what, int done, int wanted)
        {
            if (done < wanted)
            {
                problems.Add($"only {done} of {wanted} {what} were injected");
            }
        }

        Short("SIGKILLs", f.Kills, asked.Kills);
        Short("broker restarts", f.BrokerRestarts, asked.BrokerRestarts);
        Short("network faults", f.NetworkFaults, asked.NetworkFaults);
        Short("disk-full episodes", f.DiskFills, asked.DiskFills);
        if (f.ClockJumpsSeen < f.ClockJumps)
        {
            problems.Add($"{f.ClockJumps - f.ClockJumpsSeen} of {f.ClockJumps} clock jumps did not show in the gateway's own clock");
        }
    }
}
