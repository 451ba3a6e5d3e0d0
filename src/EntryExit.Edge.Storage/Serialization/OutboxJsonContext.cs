using System.Text.Json.Serialization;
using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Storage.Serialization;

/// <summary>
/// Source-generated JSON for the sealed body: the EntryRecord's camelCase wire names. Temporary: the shared
/// serializer from the Domain replaces it once merged.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EntryRecord))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
