using System.Text.Json.Serialization;

namespace EntryExit.Edge.Domain.Records;

/// <summary>Source-generated (reflection-free, AOT-safe) JSON metadata for <see cref="EntryRecord"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcTimestampJsonConverter)])]
[JsonSerializable(typeof(EntryRecord))]
internal sealed partial class EntryRecordJsonContext : JsonSerializerContext;
