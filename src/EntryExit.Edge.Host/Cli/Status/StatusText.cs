using System.Globalization;
using System.Text.Json;
using EntryExit.Edge.Host.Ops;

namespace EntryExit.Edge.Host.Cli.Status;

/// <summary>The gateway's status as a technician reads it over SSH.</summary>
internal static class StatusText
{
    public static void Write(TextWriter output, JsonElement status)
    {
        var now = status.GetProperty("now").GetDateTimeOffset();
        var started = status.GetProperty("startedAt").GetDateTimeOffset();
        output.WriteLine($"gateway        {status.GetProperty("gatewayId").GetString()} (version {status.GetProperty("version").GetString()}), up {StatusLine.Age(now - started)}");

        var readers = status.GetProperty("readers").EnumerateArray().ToList();
        var connected = readers.Count(r => r.GetProperty("state").GetString() == "connected");
        output.WriteLine(Invariant($"readers        {connected}/{readers.Count} connected"));
        foreach (var reader in readers)
        {
            output.WriteLine($"  {reader.GetProperty("id").GetString(),-12} {reader.GetProperty("state").GetString()}");
        }

        var broker = status.GetProperty("broker");
        output.WriteLine(Invariant($"broker         {broker.GetProperty("state").GetString()} ({broker.GetProperty("reconnects").GetInt32()} reconnects since start)"));

        var outbox = status.GetProperty("outbox");
        var oldest = outbox.GetProperty("oldestPendingAgeSeconds");
        var oldestText = oldest.ValueKind == JsonValueKind.Null ? "none" : StatusLine.Age(TimeSpan.FromSeconds(oldest.GetDouble()));
        output.WriteLine(Invariant($"outbox         {outbox.GetProperty("pending").GetInt64()} pending (oldest {oldestText}), {outbox.GetProperty("deadLetter").GetInt64()} dead-letter, {outbox.GetProperty("expired").GetInt64()} expired"));

        var last = status.GetProperty("lastDelivery");
        output.WriteLine(last.ValueKind == JsonValueKind.Null
            ? "last delivery  none since start"
            : $"last delivery  {last.GetDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)} ({StatusLine.Age(now - last.GetDateTimeOffset())} ago)");

        var today = status.GetProperty("today");
        output.WriteLine(Invariant($"today          scanned {today.GetProperty("scanned").GetInt64()}, stored {today.GetProperty("stored").GetInt64()}, sent {today.GetProperty("delivered").GetInt64()}, excluded {today.GetProperty("excluded").GetInt64()}, held {today.GetProperty("held").GetInt64()}, unreadable {today.GetProperty("unreadable").GetInt64()}, duplicates {today.GetProperty("duplicates").GetInt64()}, refused {today.GetProperty("rejected").GetInt64()}"));

        var stalls = status.GetProperty("stalls").EnumerateArray().Select(s => s.GetString()).ToList();
        output.WriteLine(stalls.Count == 0 ? "pipeline       making progress" : "pipeline       STALLED: " + string.Join("; ", stalls));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
