using System.Globalization;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Demo;

/// <summary>The demo's console output: a live line and the final table. Counts only, never personal data.</summary>
internal static class DemoSummary
{
    public static string Line(TimeSpan elapsed, GatewayCountsSnapshot c, OutboxStatus outbox, int received) =>
        string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed:mm\\:ss}] scanned {c.Scanned,5}  sent {c.Stored,4}  delivered {outbox.Delivered,4}  " +
            $"excluded {c.Excluded,5}  held {c.Held,4}  unreadable {c.Unreadable,3}  pending {outbox.Pending,4}  at exchange {received,4}");

    public static void WriteFinal(TextWriter o, GatewayCountsSnapshot c, OutboxStatus outbox, int received, int neverShared, int travellers)
    {
        o.WriteLine();
        o.WriteLine("Final summary");
        Row(o, "travellers", travellers.ToString(CultureInfo.InvariantCulture));
        Row(o, "documents scanned", c.Scanned.ToString(CultureInfo.InvariantCulture));
        Row(o, "records sent", $"{c.Stored} (duplicates of a recent scan: {c.Duplicates}, refused by a full outbox: {c.Rejected})");
        Row(o, "delivered (PUBACK)", outbox.Delivered.ToString(CultureInfo.InvariantCulture));
        Row(o, "received by exchange", received.ToString(CultureInfo.InvariantCulture));
        Row(o, "excluded, dropped", $"{c.Excluded}  {Breakdown(c.ExcludedByCategory)}");
        Row(o, "held for review", $"{c.Held}  {Breakdown(c.HeldByRule)}");
        Row(o, "unreadable (rescan)", c.Unreadable.ToString(CultureInfo.InvariantCulture));
        Row(o, "pending in outbox", outbox.Pending.ToString(CultureInfo.InvariantCulture));
        Row(o, "never-shared seen", $"{neverShared} (records of citizens, Registered Indians or protected persons on the wire)");
    }

    private static string Breakdown(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? string.Empty : "(" + string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")) + ")";

    private static void Row(TextWriter o, string label, string value) => o.WriteLine($"  {label,-22} {value}");
}
