using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntryExit.Edge.Domain.Records;

/// <summary>The stable JSON form of <see cref="EntryRecord"/> (schemas/entry-record.v1.schema.json), via a
/// source-generated context: no reflection, safe under Native AOT and trimming.</summary>
public static class EntryRecordJson
{
    // Relaxed escaping keeps "+05:00" and accented names readable; the JSON never lands inside HTML.
    private static readonly EntryRecordJsonContext Context = new(new JsonSerializerOptions(EntryRecordJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Serialises a record to UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException">A field breaks the schema (the message names the field, not its value).</exception>
    public static byte[] Serialize(EntryRecord record)
    {
        EnsureValid(record);
        return JsonSerializer.SerializeToUtf8Bytes(record, Context.EntryRecord);
    }

    /// <summary>Writes a record as one JSON object value at the writer's current position (for embedding it in a
    /// larger document, such as the CLI's classify output).</summary>
    /// <exception cref="ArgumentException">A field breaks the schema (the message names the field, not its value).</exception>
    public static void Write(Utf8JsonWriter writer, EntryRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EnsureValid(record);
        JsonSerializer.Serialize(writer, record, Context.EntryRecord);
    }

    /// <summary>Reads a record. False (never an exception) when the JSON is malformed, misses or adds a field, or any
    /// field breaks the schema.</summary>
    public static bool TryDeserialize(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out EntryRecord? record)
    {
        record = null;
        EntryRecord? candidate;
        try
        {
            candidate = JsonSerializer.Deserialize(utf8Json, Context.EntryRecord);
        }
        catch (JsonException)
        {
            return false;
        }

        if (candidate is null || EntryRecordRules.FindInvalidField(candidate) is not null)
        {
            return false;
        }

        record = candidate;
        return true;
    }

    private static void EnsureValid(EntryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (EntryRecordRules.FindInvalidField(record) is { } field)
        {
            throw new ArgumentException($"The record field '{field}' breaks the entry-record schema v1.", nameof(record));
        }
    }
}
