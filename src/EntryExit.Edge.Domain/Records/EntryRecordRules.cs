using System.Globalization;
using System.Text.RegularExpressions;
using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Domain.Records;

/// <summary>
/// The field rules of schemas/entry-record.v1.schema.json, in code, so that nothing that fails the schema ever reaches
/// the outbox. Checks report the offending field's NAME only: values are personal data.
/// </summary>
internal static partial class EntryRecordRules
{
    public const int MaxNameLength = 100;
    public const int MaxPortNameLength = 100;

    private static readonly HashSet<string> KnownDocumentTypes = new(StringComparer.Ordinal)
    {
        DocumentTypes.Passport, DocumentTypes.PassportCard, DocumentTypes.UsPermanentResidentCard,
        DocumentTypes.CanadianPermanentResidentCard, DocumentTypes.RefugeeTravelDocument,
        DocumentTypes.CertificateOfIdentity, DocumentTypes.IndianStatusCard, DocumentTypes.EnhancedDriversLicence,
        DocumentTypes.TrustedTravellerCard, DocumentTypes.IdentityCard, DocumentTypes.Visa, DocumentTypes.Other,
    };

    /// <summary>The first field that breaks a rule (its JSON name), or null when the record is valid.</summary>
    public static string? FindInvalidField(EntryRecord record)
    {
        if (record.RecordId.Version != 7 || (record.RecordId.Variant & 0xC) != 0x8) return "recordId";
        if (record.SchemaVersion != EntryRecord.CurrentSchemaVersion) return "schemaVersion";
        if (record.EntryCountry is not ("CAN" or "USA")) return "entryCountry";
        if (!IsCode(record.PortCode)) return "portCode";
        if (!IsText(record.PortName, 1, MaxPortNameLength)) return "portName";
        if (!IsCode(record.Lane)) return "lane";
        if (record.EntryTime.Offset != TimeSpan.Zero || record.EntryTime.Ticks % TimeSpan.TicksPerMillisecond != 0) return "entryTime";
        if (record.UtcOffset is null || !UtcOffsetPattern().IsMatch(record.UtcOffset)) return "utcOffset";
        if (!IsText(record.Surname, 1, MaxNameLength)) return "surname";
        if (!IsText(record.GivenNames, 0, MaxNameLength)) return "givenNames";
        if (record.Nationality is not null && !IcaoCodePattern().IsMatch(record.Nationality)) return "nationality";
        if (record.Sex is not ("M" or "F" or "X")) return "sex";
        if (record.DocumentType is null || !KnownDocumentTypes.Contains(record.DocumentType)) return "documentType";
        if (record.DocumentCode is null || !DocumentCodePattern().IsMatch(record.DocumentCode)) return "documentCode";
        if (record.DocumentNumber is null || !DocumentNumberPattern().IsMatch(record.DocumentNumber)) return "documentNumber";
        if (record.IssuingCountry is null || !IcaoCodePattern().IsMatch(record.IssuingCountry)) return "issuingCountry";
        if (!WireNames.TryParseCategory(record.Category, out var category) || WireNames.ToWire(category) != record.Category) return "category";
        return null;
    }

    /// <summary>"+HH:MM" / "-HH:MM"; null when the offset is not whole minutes or beyond ±14 hours.</summary>
    public static string? FormatUtcOffset(TimeSpan offset)
    {
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }

    private static bool IsCode(string? value) => value is not null && CodePattern().IsMatch(value);

    private static bool IsText(string? value, int min, int max) =>
        value is not null && value.Length >= min && value.Length <= max
        && !value.Any(char.IsControl) && value.Trim().Length == value.Length;

    [GeneratedRegex("^[A-Za-z0-9-]{1,16}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[+-](0[0-9]|1[0-4]):[0-5][0-9]\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UtcOffsetPattern();

    [GeneratedRegex("^[A-Z]{1,3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IcaoCodePattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentCodePattern();

    [GeneratedRegex("^[A-Z0-9]{1,35}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberPattern();
}
