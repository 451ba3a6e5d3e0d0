using System.Text.Json;
using EntryExit.Edge.Host.Pipeline;

namespace EntryExit.Edge.Host.Ops;

/// <summary>The status as one JSON object, written by hand (trim- and AOT-safe). Holds no personal data.</summary>
public static class GatewayStatusJson
{
    /// <summary>Writes <paramref name="status"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, GatewayStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteStartObject();
        writer.WriteString("gatewayId", status.GatewayId);
        writer.WriteString("version", status.Version);
        writer.WriteString("startedAt", status.StartedAt);
        writer.WriteString("now", status.Now);
        writer.WriteStartArray("readers");
        foreach (var (id, state) in status.Readers)
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("state", state);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("broker");
        writer.WriteString("state", status.Broker);
        writer.WriteNumber("reconnects", status.Reconnects);
        writer.WriteEndObject();
        writer.WriteStartObject("outbox");
        writer.WriteNumber("pending", status.Outbox.Pending);
        writer.WriteNumber("deadLetter", status.Outbox.DeadLetter);
        writer.WriteNumber("expired", status.Outbox.Expired);
        writer.WriteNumber("delivered", status.Outbox.Delivered);
        if (status.Outbox.OldestPendingAge is { } age)
        {
            writer.WriteNumber("oldestPendingAgeSeconds", Math.Round(age.TotalSeconds));
        }
        else
        {
            writer.WriteNull("oldestPendingAgeSeconds");
        }

        writer.WriteNumber("fileSizeBytes", status.Outbox.FileSizeBytes);
        writer.WriteEndObject();
        if (status.LastDelivery is { } last)
        {
            writer.WriteString("lastDelivery", last);
        }
        else
        {
            writer.WriteNull("lastDelivery");
        }

        writer.WritePropertyName("today");
        WriteCounts(writer, status.Today, status.DeliveredToday);
        writer.WritePropertyName("sinceStart");
        WriteCounts(writer, status.SinceStart, status.DeliveredSinceStart);
        writer.WriteStartArray("stalls");
        foreach (var stall in status.Stalls)
        {
            writer.WriteStringValue(stall);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, GatewayCountsSnapshot counts, long delivered)
    {
        writer.WriteStartObject();
        writer.WriteNumber("scanned", counts.Scanned);
        writer.WriteNumber("stored", counts.Stored);
        writer.WriteNumber("delivered", delivered);
        writer.WriteNumber("excluded", counts.Excluded);
        writer.WriteNumber("held", counts.Held);
        writer.WriteNumber("unreadable", counts.Unreadable);
        writer.WriteNumber("duplicates", counts.Duplicates);
        writer.WriteNumber("rejected", counts.Rejected);
        WriteMap(writer, "excludedByCategory", counts.ExcludedByCategory);
        WriteMap(writer, "heldByRule", counts.HeldByRule);
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, long> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteNumber(key, value);
        }

        writer.WriteEndObject();
    }
}
