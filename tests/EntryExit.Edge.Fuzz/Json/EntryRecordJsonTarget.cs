using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Fuzz.Json;

/// <summary>
/// <c>EntryRecordJson.TryDeserialize</c> on valid records' JSON with edits: members removed, duplicated, renamed or
/// added; values replaced by other JSON (wrong types, huge numbers, control characters, non-v7 ids, impossible
/// times, deep nesting); and byte edits (truncation, flips, invalid UTF-8, a BOM). Properties: never throws; a record
/// it accepts serialises without error and reads back to the same bytes.
/// </summary>
public sealed class EntryRecordJsonTarget : FuzzTarget<byte[]>
{
    private static readonly string[] Categories = [.. Enum.GetValues<TravellerCategory>().Select(WireNames.ToWire)];

    private static readonly string[] Values =
    [
        "null", "0", "-1", "1", "1e309", "-0.0", "99999999999999999999999", "true", "false", "[]", "{}", "\"\"", "\" \"",
        "\"\\u0000\"", "\"\\n\"", "\"CAN\"", "\"USA\"", "\"can\"", "\"X\"", "\"M\"", "\"passport\"", "\"P\"",
        "\"2026-02-30T00:00:00Z\"", "\"2026-11-28T10:00:00+01:00\"", "\"2026-11-28T10:00:00.1234Z\"", "\"9999-12-31T23:59:59.999Z\"",
        "\"0001-01-01\"", "\"1974-08-12\"", "\"1974-13-12\"", "\"+14:00\"", "\"+14:01\"", "\"-00:00\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"01890a5d-ac96-774b-bcce-b302099a8057\"", "\"01890a5d-ac96-474b-bcce-b302099a8057\"",
        "\"third-country-national\"", "\"THIRD-COUNTRY-NATIONAL\"", "\"unknown\"",
        "\"" + new string('A', 101) + "\"", "\"" + new string('9', 36) + "\"", "{\"a\":[1,2,{\"b\":null}]}",
        new string('[', 60) + new string(']', 60), "\"é\"", "\"\\u00e9\"", "1.5", "2",
    ];

    private static readonly Gen<string> Text = Cheap.Chars(Gen.Int[1, 30], "ABCDEFGHIJKLMNOPQRSTUVWXYZ -'")
        .Select(s => s.Trim()).Select(s => s.Length > 0 ? s : "A");

    private static readonly Gen<EntryRecord> Record = Gen.Select(
        Gen.Byte.Array[16, 16],
        Gen.Select(Gen.OneOfConst("CAN", "USA"), Cheap.Chars(Gen.Int[1, 16], "ABC0123-"), Gen.Int[0, 20]),
        Gen.Select(Text, Gen.OneOf(Gen.Const(string.Empty), Text), Gen.Long[0, 4_000_000_000_000L], Gen.OneOfConst("M", "F", "X")),
        Gen.Select(Gen.OneOfConst<string?>("UTO", "FRA", "D", null), Cheap.Chars(Gen.Int[1, 35], "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
            Gen.OneOfConst(Categories), Gen.Int[-840, 840]),
        (id, place, person, document) =>
        {
            id[7] = (byte)((id[7] & 0x0F) | 0x70);
            id[8] = (byte)((id[8] & 0x3F) | 0x80);
            var offset = TimeSpan.FromMinutes(document.Item4);
            return new EntryRecord
            {
                RecordId = new Guid(id),
                EntryCountry = place.Item1,
                PortCode = place.Item2,
                PortName = "Port " + place.Item3,
                Lane = (place.Item3 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                EntryTime = DateTimeOffset.FromUnixTimeMilliseconds(person.Item3),
                UtcOffset = (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture),
                Surname = person.Item1,
                GivenNames = person.Item2,
                DateOfBirth = new DateOnly(1970, 1, 1).AddDays(place.Item3 * 997),
                Nationality = document.Item1,
                Sex = person.Item4,
                DocumentType = DocumentTypes.Passport,
                DocumentCode = "P",
                DocumentNumber = document.Item2,
                IssuingCountry = document.Item1 ?? "UTO",
                Category = document.Item3,
            };
        });

    private static readonly Gen<(int Kind, int Where, int Pick)> Edit = Gen.Select(
        Gen.Frequency((6, Gen.Int[0, 5]), (3, Gen.Int[6, 10])), Gen.Int[0, 1000], Gen.Int[0, 1000]);

    /// <inheritdoc/>
    public override string Name => "record-json";

    /// <inheritdoc/>
    public override string Description => "EntryRecordJson.TryDeserialize: valid records' JSON with member, value and byte edits; accepted records round-trip";

    /// <inheritdoc/>
    public override Gen<byte[]> Generator { get; } = Gen.Select(Record, Edit.Array[0, 6], Apply);

    /// <inheritdoc/>
    public override void Check(byte[] input)
    {
        if (!EntryRecordJson.TryDeserialize(input, out var record))
        {
            return;
        }

        var bytes = EntryRecordJson.Serialize(record);
        Property.Holds(EntryRecordJson.TryDeserialize(bytes, out var again), "an accepted record does not read back");
        Property.Holds(EntryRecordJson.Serialize(again!).AsSpan().SequenceEqual(bytes), "an accepted record does not round-trip");
    }

    /// <inheritdoc/>
    public override byte[] ToCorpus(byte[] input) => input;

    /// <inheritdoc/>
    public override byte[] FromCorpus(byte[] corpusEntry) => corpusEntry;

    private static byte[] Apply(EntryRecord record, (int Kind, int Where, int Pick)[] edits)
    {
        var json = (JsonObject)JsonNode.Parse(EntryRecordJson.Serialize(record))!;
        var bytes = (byte[]?)null;
        foreach (var (kind, where, pick) in edits)
        {
            var keys = json.Select(p => p.Key).ToList();
            var key = keys.Count == 0 ? "x" : keys[where % keys.Count];
            switch (kind)
            {
                case 0 or 1:
                    json[key] = Node(Values[pick % Values.Length]);
                    break;
                case 2:
                    json.Remove(key);
                    break;
                case 3:
                    json[where % 2 == 0 ? key.ToUpperInvariant() : key + "x"] = Node(Values[pick % Values.Length]);
                    break;
                case 4:
                    json[key] = json[keys[pick % Math.Max(1, keys.Count)]]?.DeepClone();
                    break;
                case 5:
                    json["unknownField"] = pick;
                    break;
                default:
                    bytes ??= Encoding.UTF8.GetBytes(json.ToJsonString());
                    bytes = ByteEdit(bytes, kind, where, pick);
                    break;
            }
        }

        return bytes ?? Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>The JSON value as a node; one the node model refuses (a lone surrogate) goes in as its text.</summary>
    private static JsonNode? Node(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return JsonValue.Create(value);
        }
    }

    private static byte[] ByteEdit(byte[] bytes, int kind, int where, int pick)
    {
        var at = bytes.Length == 0 ? 0 : (int)((long)where * bytes.Length / 1001);
        return kind switch
        {
            6 => bytes[..at],
            7 => [.. bytes[..at], (byte)pick, .. bytes[at..]],
            8 when bytes.Length > 0 => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1)..]],
            9 => [0xEF, 0xBB, 0xBF, .. bytes],
            10 when pick % 2 == 0 => [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]],
            10 => [.. bytes[..at], .. "\"\\ud800\""u8, .. bytes[at..]], // a lone surrogate escape
            _ => bytes,
        };
    }
}
