using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Fuzz.Config;

/// <summary>
/// The configuration path of <c>run</c> and <c>config validate</c>: <c>GatewayConfigurationLoader.Load</c> on a file,
/// then <c>GatewaySettingsLoader.Bind</c>, on the README's configuration with edits: values replaced by other JSON
/// (wrong types, out-of-range and huge numbers, odd strings, arrays for objects), keys removed, added, misspelt or
/// duplicated, and byte edits. Properties: Load either succeeds or throws <see cref="ConfigurationFileException"/>;
/// Bind never throws; every problem has a key path and says something; the MQTT password is never repeated.
/// </summary>
public sealed class ConfigTarget : FuzzTarget<byte[]>, IDisposable
{
    private const string Password = "pw-9f3kQ7zX-secret";
    private const string Punctuation = "{}[],:\"\\ \n0a-/*";

    private const string Base = """
        {
          "Gateway":  { "Id": "poe-0813-gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas", "TimeZone": "America/Vancouver" },
          "Exchange": { "Mode": "phase-ii", "ShareProtectedGroupsInAllTravellers": false },
          "Outbox":   { "Path": "outbox.db", "KeyFile": "outbox.key", "DedupeWindowMinutes": 10, "MaxPendingAgeDays": 30,
                        "DeliveredRetentionDays": 14, "MaxBytes": 1073741824, "MaxRecords": 1000000 },
          "Mqtt":     { "Host": "exchange.example", "Port": 8883, "UseTls": true, "CaFile": "exchange-ca.pem",
                        "ClientCertFile": "client.pem", "ClientKeyFile": "client.key", "Username": "gw", "Password": "pw-9f3kQ7zX-secret",
                        "AllowInsecure": false, "TopicPrefix": "entryexit/v1", "ProtocolVersion": "5.0",
                        "SessionExpirySeconds": 604800, "KeepAliveSeconds": 30, "InFlightWindow": 64, "HealthIntervalSeconds": 60 },
          "Booth":    { "SettleSeconds": 8, "DeclarationTimeoutSeconds": 120, "MaxSessionSeconds": 300 },
          "Readers":  [ { "Id": "lane1", "Lane": "1", "Kind": "serial", "Path": "/dev/ttyACM0", "Framing": "stx-etx", "BaudRate": 9600 },
                        { "Id": "lane2", "Lane": "2", "Kind": "file", "Path": "lane2.fifo", "Framing": "idle-timeout", "IdleGapMilliseconds": 500 } ],
          "Gpio":     { "Driver": "libgpiod2", "Chip": 0,
                        "Lanes": [ { "Lane": "1", "Presence": { "Kind": "break-beam", "Pin": 17, "ActiveLevel": "low" }, "DebounceMilliseconds": 50,
                                     "GreenPin": 22, "AmberPin": 23, "RedPin": 24, "BuzzerPin": 25, "BuzzerMilliseconds": 150,
                                     "OfficerPins": { "us-citizen": 5, "ca-citizen": 6, "registered-indian": 13, "protected-person": 19 },
                                     "Lcd": { "Bus": 1, "Address": "0x27" } },
                                   { "Lane": "2", "Presence": { "Kind": "pir", "Pin": 4 } } ] }
        }
        """;

    private static readonly string[] Values =
    [
        "null", "0", "-1", "1", "65535", "65536", "2147483648", "-2147483649", "9223372036854775808", "1e309", "1.5", "NaN",
        "true", "false", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\" \"", "\"0\"", "\"-5\"", "\"1e3\"", "\"true\"", "\"yes\"",
        "\"phase-ii\"", "\"all-travellers\"", "\"PHASE-II\"", "\"3.1.1\"", "\"4.0\"", "\"lines\"", "\"3m\"", "\"stx-etx\"", "\"bogus\"",
        "\"serial\"", "\"file\"", "\"-\"", "\"/dev/null\"", "\"../../etc/passwd\"", "\"Mars/Olympus\"", "\"UTC\"", "\"\\u0000\"",
        "\"a:b\"", "\"a__b\"", "\"0x27\"", "\"0x\"", "\"0xZZ\"", "\"libgpiod\"", "\"none\"", "\"high\"", "\"pir\"", "\"break-beam\"", "\"" + new string('x', 5000) + "\"", "\"ünïcødé\"", "\"00:00:05\"", "\"CAN\"", "\"usa\"",
    ];

    private static readonly string[] Keys =
    [
        "Gateway", "Exchange", "Outbox", "Mqtt", "Booth", "Readers", "Id", "Port", "Host", "Mode", "Kind", "Framing", "BaudRate",
        "Lane", "Path", "MaxBytes", "InFlightWindow", "ProtocolVersion", "TimeZone", "Unknown", "mqtt", "PORT", "Readers:0:Id", "",
        "Gpio", "Pin", "GreenPin", "OfficerPins", "us-citizen", "Lcd", "Address", "Presence", "IdleGapMilliseconds",
    ];

    private static readonly Gen<(int Kind, int Where, int Pick)> Edit = Gen.Select(
        Gen.Frequency((7, Gen.Int[0, 4]), (2, Gen.Int[5, 8])), Gen.Int[0, 100_000], Gen.Int[0, 1000]);

    private readonly string _folder = Directory.CreateTempSubdirectory("entryexit-fuzz-config-").FullName;
    private readonly ThreadLocal<string> _file;

    public ConfigTarget()
    {
        _file = new ThreadLocal<string>(() => Path.Combine(_folder, $"config-{Environment.CurrentManagedThreadId}.json"));
    }

    /// <inheritdoc/>
    public override string Name => "config";

    /// <inheritdoc/>
    public override string Description => "configuration file -> Load -> Bind: value, key and byte edits; only ConfigurationFileException, never the password";

    /// <inheritdoc/>
    public override Gen<byte[]> Generator { get; } = Edit.Array[0, 6].Select(Apply);

    /// <inheritdoc/>
    public override void Check(byte[] input)
    {
        var path = _file.Value!;
        File.WriteAllBytes(path, input);
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        try
        {
            configuration = GatewayConfigurationLoader.Load(path);
        }
        catch (ConfigurationFileException e)
        {
            Property.Holds(!e.Message.Contains(Password, StringComparison.Ordinal), "a configuration file error repeats the password");
            return;
        }

        GatewaySettingsLoader.Bind(configuration, _ => null, out var problems);
        foreach (var problem in problems)
        {
            // The key may be empty: a member named "" in the file is reported under its own (empty) name.
            Property.Holds(problem.Key is not null && !string.IsNullOrWhiteSpace(problem.Message), "a problem without a key path or a message");
            Property.Holds(!problem.Message.Contains(Password, StringComparison.Ordinal), "a problem message repeats the password: " + problem.Key);
        }
    }

    /// <inheritdoc/>
    public override byte[] ToCorpus(byte[] input) => input;

    /// <inheritdoc/>
    public override byte[] FromCorpus(byte[] corpusEntry) => corpusEntry;

    public void Dispose()
    {
        _file.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder of throwaway files.
        }
    }

    private static byte[] Apply((int Kind, int Where, int Pick)[] edits)
    {
        var root = JsonNode.Parse(Base)!;
        byte[]? bytes = null;
        foreach (var (kind, where, pick) in edits)
        {
            if (bytes is not null || kind >= 5)
            {
                bytes ??= Encoding.UTF8.GetBytes(root.ToJsonString());
                bytes = ByteEdit(bytes, kind, where, pick);
                continue;
            }

            var (parent, key, index) = Pick(root, where);
            var value = Node(Values[pick % Values.Length]);
            switch (kind)
            {
                case 0 or 1:
                    Set(parent, key, index, value);
                    break;
                case 2:
                    if (parent is JsonObject o && key is not null)
                    {
                        o.Remove(key);
                    }
                    else if (parent is JsonArray a && index is { } i && i < a.Count)
                    {
                        a.RemoveAt(i);
                    }

                    break;
                case 3:
                    if (parent is JsonObject target)
                    {
                        target[Keys[pick % Keys.Length]] = value;
                    }
                    else if (parent is JsonArray list)
                    {
                        list.Add(value);
                    }

                    break;
                default:
                    // An object replaced by an array of itself, or an array by an object.
                    var current = parent is JsonObject po && key is not null ? po[key] : parent is JsonArray pa && index is { } ix && ix < pa.Count ? pa[ix] : null;
                    Set(parent, key, index, current switch
                    {
                        JsonObject obj => new JsonArray(obj.DeepClone()),
                        JsonArray arr => new JsonObject { ["0"] = arr.Count > 0 ? arr[0]?.DeepClone() : null },
                        _ => value,
                    });
                    break;
            }
        }

        return bytes ?? Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A member or element of the tree, chosen by walking down from the root.</summary>
    private static (JsonNode Parent, string? Key, int? Index) Pick(JsonNode root, int where)
    {
        var parent = root;
        string? key = null;
        int? index = null;
        var depth = where % 4;
        for (var level = 0; ; level++)
        {
            JsonNode? child;
            if (parent is JsonObject o && o.Count > 0)
            {
                var member = o.ElementAt((where >> level) % o.Count);
                (key, index, child) = (member.Key, null, member.Value);
            }
            else if (parent is JsonArray a && a.Count > 0)
            {
                var i = (where >> level) % a.Count;
                (key, index, child) = (null, i, a[i]);
            }
            else
            {
                return (parent, key, index);
            }

            if (level >= depth || child is not (JsonObject or JsonArray))
            {
                return (parent, key, index);
            }

            parent = child;
        }
    }

    private static void Set(JsonNode parent, string? key, int? index, JsonNode? value)
    {
        if (parent is JsonObject o && key is not null)
        {
            o[key] = value;
        }
        else if (parent is JsonArray a && index is { } i && i < a.Count)
        {
            a[i] = value;
        }
    }

    private static JsonNode? Node(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    private static byte[] ByteEdit(byte[] bytes, int kind, int where, int pick)
    {
        var at = bytes.Length == 0 ? 0 : (int)((long)where * bytes.Length / 100_001);
        return kind switch
        {
            5 => bytes[..at],
            6 => [.. bytes[..at], (byte)Punctuation[pick % Punctuation.Length], .. bytes[at..]],
            7 when bytes.Length > 0 => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1)..]],
            _ => [.. bytes[..at], .. "\"Port\": 1, "u8, .. bytes[at..]],
        };
    }
}
