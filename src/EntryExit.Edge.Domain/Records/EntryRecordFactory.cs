using System.Diagnostics.CodeAnalysis;
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
    /// <exception cref="ArgumentException">The verdict is not "send", the document is invalid or lacks a field the
    /// record needs, or a context or record field breaks the schema. Messages name the field, never its value.</exception>
    public static EntryRecord Create(MrzParseResult document, EligibilityResult verdict, EntryContext context)
    {
        var outcome = Build(document, verdict, context);
        return outcome.Record ?? throw new ArgumentException(outcome.Problem, outcome.Culprit switch
        {
            Culprit.Verdict => nameof(verdict),
            Culprit.Document => nameof(document),
            _ => nameof(context),
        });
    }

    /// <summary>As <see cref="Create"/>, without exceptions: for callers (booth pipeline, CLI) that turn an
    /// unbuildable record into a hold. <paramref name="problem"/> names the field, never its value.</summary>
    public static bool TryCreate(
        MrzParseResult document,
        EligibilityResult verdict,
        EntryContext context,
        [NotNullWhen(true)] out EntryRecord? record,
        [NotNullWhen(false)] out string? problem)
    {
        var outcome = Build(document, verdict, context);
        record = outcome.Record;
        problem = outcome.Problem;
        return record is not null;
    }

    private static Outcome Build(MrzParseResult document, EligibilityResult verdict, EntryContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(context);

        if (verdict.Decision != Decision.Send)
        {
            return Fail(Culprit.Verdict,
                $"Only a 'send' verdict yields an exchange record; this one is '{WireNames.ToWire(verdict.Decision)}' (rule {verdict.Rule}).");
        }

        if (!document.Valid)
        {
            return Fail(Culprit.Document, "The document is not valid; an invalid document is never sent.");
        }

        if (FindMissingField(document) is { } missing)
        {
            return Fail(Culprit.Document, $"The document has no value for '{missing}', which the exchange record requires.");
        }

        if (EntryRecordRules.FormatUtcOffset(context.LocalUtcOffset) is not { } utcOffset)
        {
            return Fail(Culprit.Context, "The local UTC offset must be whole minutes within ±14 hours.");
        }

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
            var culprit = field is "recordId" or "entryCountry" or "portCode" or "portName" or "lane" ? Culprit.Context : Culprit.Document;
            return Fail(culprit, $"The record field '{field}' breaks the entry-record schema v1.");
        }

        return new Outcome(record, null, Culprit.None);
    }

    private static string? FindMissingField(MrzParseResult document) =>
        string.IsNullOrEmpty(document.Surname) ? "surname"
        : document.DateOfBirth is null ? "dateOfBirth"
        : document.Sex is null ? "sex"
        : string.IsNullOrEmpty(document.DocumentCode) ? "documentCode"
        : string.IsNullOrEmpty(document.DocumentNumber) ? "documentNumber"
        : string.IsNullOrEmpty(document.IssuingState) ? "issuingCountry"
        : null;

    private static Outcome Fail(Culprit culprit, string problem) => new(null, problem, culprit);

    private enum Culprit
    {
        None,
        Verdict,
        Document,
        Context,
    }

    private readonly record struct Outcome(EntryRecord? Record, string? Problem, Culprit Culprit);
}
