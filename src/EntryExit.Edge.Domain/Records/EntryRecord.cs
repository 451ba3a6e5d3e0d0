using System.Text.Json.Serialization;

namespace EntryExit.Edge.Domain.Records;

/// <summary>
/// The biographic entry record exchanged with the other country (schema v1, shared/domain.md §2 and §7).
/// Holds personal data: it goes only to the sealed outbox and the exchange, never to a log. Never the raw MRZ.
/// JSON names are fixed by schemas/entry-record.v1.schema.json.
/// </summary>
public sealed record EntryRecord
{
    /// <summary>The schema version this type writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>UUIDv7 minted at the gateway: the idempotency key from creation to delivery.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>Always <see cref="CurrentSchemaVersion"/> for records this gateway writes.</summary>
    [JsonRequired] // Has a default for writers, but a reader must see it: a record without it is not trusted.
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Whose entry this is: "CAN" or "USA" (the exit belongs to the other country).</summary>
    public required string EntryCountry { get; init; }

    /// <summary>Port-of-entry code.</summary>
    public required string PortCode { get; init; }

    /// <summary>Port-of-entry name (part of the exchanged set).</summary>
    public required string PortName { get; init; }

    /// <summary>The booth lane the document was scanned at.</summary>
    public required string Lane { get; init; }

    /// <summary>Time of entry in UTC (offset zero, whole milliseconds; written with a "Z").</summary>
    public required DateTimeOffset EntryTime { get; init; }

    /// <summary>The port's local offset from UTC at <see cref="EntryTime"/>, as "+HH:MM" or "-HH:MM".</summary>
    public required string UtcOffset { get; init; }

    /// <summary>Primary identifier.</summary>
    public required string Surname { get; init; }

    /// <summary>Secondary identifiers, space-separated; empty when none.</summary>
    public required string GivenNames { get; init; }

    /// <summary>Date of birth, century resolved.</summary>
    public required DateOnly DateOfBirth { get; init; }

    /// <summary>ICAO nationality code; null when the document does not show citizenship (U.S. green cards).</summary>
    public required string? Nationality { get; init; }

    /// <summary>"M", "F" or "X".</summary>
    public required string Sex { get; init; }

    /// <summary>Normalised document type (see <see cref="DocumentTypes"/>).</summary>
    public required string DocumentType { get; init; }

    /// <summary>The raw MRZ document code, fillers removed ("P", "C1", "IP"…).</summary>
    public required string DocumentCode { get; init; }

    /// <summary>Full document number, overflow included.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Issuing state or organisation (ICAO code).</summary>
    public required string IssuingCountry { get; init; }

    /// <summary>Eligibility category, wire form ("third-country-national", "us-permanent-resident"…).</summary>
    public required string Category { get; init; }
}
