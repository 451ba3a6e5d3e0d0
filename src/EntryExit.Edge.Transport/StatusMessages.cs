using System.Buffers;
using System.Text.Json;

namespace EntryExit.Edge.Transport;

/// <summary>JSON bodies of the gateway status and health messages. Counts and states only, never personal data.
/// Written with Utf8JsonWriter: no reflection, so the trimmed and Native AOT builds keep them intact.</summary>
internal static class StatusMessages
{
    public static byte[] Status(GatewayIdentity identity, string state, DateTimeOffset at) => Write(w =>
    {
        w.WriteString("gatewayId", identity.GatewayId);
        w.WriteString("entryCountry", identity.EntryCountry);
        w.WriteString("portCode", identity.PortCode);
        w.WriteString("state", state);
        w.WriteString("version", identity.Version);
        w.WriteString("at", at);
    });

    public static byte[] Health(GatewayIdentity identity, GatewayHealth health, LinkState link, int reconnects, DateTimeOffset at) => Write(w =>
    {
        w.WriteString("gatewayId", identity.GatewayId);
        w.WriteString("version", identity.Version);
        w.WriteString("at", at);
        w.WriteString("link", link.ToString());
        w.WriteNumber("reconnects", reconnects);
        w.WriteNumber("outboxDepth", health.OutboxDepth);
        if (health.OldestPendingAge is { } age)
        {
            w.WriteNumber("oldestPendingAgeSeconds", Math.Round(age.TotalSeconds));
        }
        else
        {
            w.WriteNull("oldestPendingAgeSeconds");
        }

        w.WriteStartObject("readers");
        foreach (var (reader, readerState) in health.ReaderStates)
        {
            w.WriteString(reader, readerState);
        }

        w.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
