using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Domain.Records;

/// <summary>Builds the exchange record for a document the policy decided to send. Never copies the raw MRZ.</summary>
public static class EntryRecordFactory
{
    /// <summary>Creates the record for <paramref name="document"/>.</summary>
    /// <param name="document">The parsed MRZ the verdict was reached on.</param>
    /// <param name="verdict">The policy's verdict; must be <see cref="Decision.Send"/>.</param>
    /// <param name="context">Port, lane, time and the new record's id.</param>
    /// <exception cref="ArgumentException">The verdict is not "send", the document lacks a field the record needs,
    /// or a context or record field breaks the schema. Messages name the field, never its value.</exception>
    public static EntryRecord Create(MrzParseResult document, EligibilityResult verdict, EntryContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(context);

        if (verdict.Decision != Decision.Send)
        {
            throw new ArgumentException(
                $"Only a 'send' verdict yields an exchange record; this one is '{WireNames.ToWire(verdict.Decision)}' (rule {verdict.Rule}).",
                nameof(verdict));
        }

        if (!document.Valid)
        {
            throw new ArgumentException("The document is not valid; an invalid document is never sent.", nameof(document));
        }

        if (FindMissingField(document) is { } missing)
        {
            throw new ArgumentException($"The document has no value for '{missing}', which the exchange record requires.", nameof(document));
        }

        var utcOffset = EntryRecordRules.FormatUtcOffset(context.LocalUtcOffset)
            ?? throw new ArgumentException("The local UTC offset must be whole minutes within ±14 hours.", nameof(context));

        var classification = DocumentClassifier.Classify(document);
        var entryUtc = context.EntryTime.ToUniversalTime();
        var record = new EntryRecord
        {
            RecordId = context.RecordId,
            EntryCountry = context.EntryCountry,
            PortCode = context.PortCode,
            PortName = context.PortName,
            Lane = context.Lane,
            // Whole milliseconds: what the JSON form carries, so a record survives a round trip unchanged.
            EntryTime = new DateTimeOffset(entryUtc.Ticks - (entryUtc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            UtcOffset = utcOffset,
            Surname = document.Surname!,
            GivenNames = document.GivenNames ?? string.Empty,
            DateOfBirth = document.DateOfBirth!.Value,
            // A green card's nationality field is the country of BIRTH: never report it as citizenship.
            Nationality = classification.Kind == DocumentKind.UsPermanentResidentCard || string.IsNullOrEmpty(document.Nationality)
                ? null
                : document.Nationality,
            Sex = document.Sex!.Value.ToString(),
            DocumentType = classification.DocumentType,
            DocumentCode = document.DocumentCode!,
            DocumentNumber = document.DocumentNumber!,
            IssuingCountry = document.IssuingState!,
            Category = WireNames.ToWire(verdict.Category),
        };

        if (EntryRecordRules.FindInvalidField(record) is { } field)
        {
            throw new ArgumentException($"The record field '{field}' breaks the entry-record schema v1.", nameof(context));
        }

        return record;
    }

    private static string? FindMissingField(MrzParseResult document) =>
        string.IsNullOrEmpty(document.Surname) ? "surname"
        : document.DateOfBirth is null ? "dateOfBirth"
        : document.Sex is null ? "sex"
        : string.IsNullOrEmpty(document.DocumentCode) ? "documentCode"
        : string.IsNullOrEmpty(document.DocumentNumber) ? "documentNumber"
        : string.IsNullOrEmpty(document.IssuingState) ? "issuingCountry"
        : null;
}
