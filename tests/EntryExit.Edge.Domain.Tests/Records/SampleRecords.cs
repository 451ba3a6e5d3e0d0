using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Domain.Tests.Records;

internal static class SampleRecords
{
    /// <summary>A fixed UUIDv7 (version nibble 7, variant 10xx).</summary>
    public static readonly Guid RecordId = Guid.Parse("01890a5d-ac96-7b4b-bcce-b302099a8057");

    public static EntryContext Context(Guid? recordId = null) => new()
    {
        RecordId = recordId ?? RecordId,
        EntryCountry = "CAN",
        PortCode = "0427",
        PortName = "Queenston-Lewiston Bridge",
        Lane = "L03",
        EntryTime = new DateTimeOffset(2026, 7, 4, 13, 45, 12, 345, TimeSpan.FromHours(-4)),
        LocalUtcOffset = TimeSpan.FromHours(-4),
    };

    public static EntryRecord GreenCardRecord() => new()
    {
        RecordId = RecordId,
        EntryCountry = "CAN",
        PortCode = "0427",
        PortName = "Queenston-Lewiston Bridge",
        Lane = "L03",
        EntryTime = new DateTimeOffset(2026, 7, 4, 17, 45, 12, 345, TimeSpan.Zero),
        UtcOffset = "-04:00",
        Surname = "ERIKSSON",
        GivenNames = "ANNA MARIA",
        DateOfBirth = new DateOnly(1974, 8, 12),
        Nationality = null,
        Sex = "F",
        DocumentType = DocumentTypes.UsPermanentResidentCard,
        DocumentCode = "C1",
        DocumentNumber = "SRC000123456",
        IssuingCountry = "USA",
        Category = "us-permanent-resident",
    };
}
