namespace EntryExit.Edge.Domain.Records;

/// <summary>Where and when a document was scanned: everything the record needs that the MRZ does not carry.
/// Holds no personal data.</summary>
public sealed record EntryContext
{
    /// <summary>The new record's id; callers mint it with <see cref="Guid.CreateVersion7()"/> (a UUIDv7 is required).</summary>
    public required Guid RecordId { get; init; }

    /// <summary>Whose entry this is: "CAN" or "USA".</summary>
    public required string EntryCountry { get; init; }

    /// <summary>Port-of-entry code: 1–16 letters, digits or hyphens.</summary>
    public required string PortCode { get; init; }

    /// <summary>Port-of-entry name: 1–100 characters.</summary>
    public required string PortName { get; init; }

    /// <summary>Booth lane: 1–16 letters, digits or hyphens.</summary>
    public required string Lane { get; init; }

    /// <summary>The moment of entry (any offset; the record stores it in UTC, to the millisecond).</summary>
    public required DateTimeOffset EntryTime { get; init; }

    /// <summary>The port's local offset from UTC at <see cref="EntryTime"/> (whole minutes, at most 14 hours).</summary>
    public required TimeSpan LocalUtcOffset { get; init; }
}
