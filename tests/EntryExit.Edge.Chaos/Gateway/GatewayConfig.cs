using System.Globalization;
using System.Text;
using System.Text.Json;
using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.Chaos.Gateway;

/// <summary>Writes the gateway's configuration file for a run: serial readers on the simulator's ptys, the broker behind the proxy.</summary>
internal static class GatewayConfig
{
    public const string GatewayId = "chaos-gw";
    public const string EntriesTopic = "entryexit/v1/CAN/0813/entries";

    public static string Write(string path, string outboxPath, string keyFile, int brokerPort, IEnumerable<(string Lane, string Device, SimFraming Framing)> readers,
        double settleSeconds, long? maxRecords)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("Gateway");
            json.WriteString("Id", GatewayId);
            json.WriteString("EntryCountry", "CAN");
            json.WriteString("PortCode", "0813");
            json.WriteString("PortName", "Douglas");
            json.WriteString("TimeZone", "America/Vancouver");
            json.WriteEndObject();
            json.WriteStartObject("Exchange");
            json.WriteString("Mode", "phase-ii");
            json.WriteEndObject();
            json.WriteStartObject("Outbox");
            json.WriteString("Path", outboxPath);
            json.WriteString("KeyFile", keyFile);
            if (maxRecords is { } cap)
            {
                json.WriteNumber("MaxRecords", cap);
            }

            json.WriteEndObject();
            // The link as shipped (defaults for timeouts, window and backoff), but plaintext on loopback.
            json.WriteStartObject("Mqtt");
            json.WriteString("Host", "127.0.0.1");
            json.WriteNumber("Port", brokerPort);
            json.WriteBoolean("UseTls", false);
            json.WriteBoolean("AllowInsecure", true);
            json.WriteEndObject();
            json.WriteStartObject("Booth");
            json.WriteNumber("SettleSeconds", settleSeconds);
            json.WriteNumber("DeclarationTimeoutSeconds", Math.Max(settleSeconds * 2, 5));
            json.WriteEndObject();
            json.WriteStartArray("Readers");
            foreach (var (lane, device, framing) in readers)
            {
                json.WriteStartObject();
                json.WriteString("Id", "lane" + lane);
                json.WriteString("Lane", lane);
                json.WriteString("Kind", "serial");
                json.WriteString("Path", device);
                json.WriteString("Framing", Name(framing));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        File.WriteAllText(path, Encoding.UTF8.GetString(buffer.ToArray()));
        return path;
    }

    public static string WriteKey(string path)
    {
        File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public static string Name(SimFraming framing) => framing switch
    {
        SimFraming.StxEtx => "stx-etx",
        SimFraming.ThreeM => "3m",
        SimFraming.Lines => "lines",
        SimFraming.BareLines => "idle-timeout",
        _ => throw new ArgumentOutOfRangeException(nameof(framing), framing, null),
    };

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
