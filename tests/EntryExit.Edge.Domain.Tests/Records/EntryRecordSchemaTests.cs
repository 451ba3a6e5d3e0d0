using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Domain.Tests.Eligibility;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Records;

/// <summary>Serialised records against the schema file in the repo (JsonSchema.Net, formats enforced).</summary>
public sealed class EntryRecordSchemaTests
{
    [Fact]
    public void The_sample_record_validates_against_the_schema()
    {
        var results = EntryRecordSchema.Evaluate(EntryRecordJson.Serialize(SampleRecords.GreenCardRecord()));

        Assert.True(results.IsValid, EntryRecordSchema.Describe(results));
    }

    [Theory]
    [InlineData("nationality", "\"CANADA\"")]
    [InlineData("sex", "\"U\"")]
    [InlineData("utcOffset", "\"-4:00\"")]
    [InlineData("entryTime", "\"2026-07-04T13:45:12.345-04:00\"")]
    [InlineData("dateOfBirth", "\"1974-13-12\"")]
    [InlineData("recordId", "\"01890A5D-AC96-7B4B-BCCE-B302099A8057\"")]
    [InlineData("recordId", "\"not-a-uuid\"")]
    [InlineData("category", "\"citizen\"")]
    [InlineData("documentType", "\"driving-licence\"")]
    [InlineData("issuingCountry", "\"usa\"")]
    [InlineData("schemaVersion", "2")]
    [InlineData("entryCountry", "\"MEX\"")]
    [InlineData("surname", "\"\"")]
    public void A_record_with_a_broken_field_fails_the_schema(string field, string brokenValue)
    {
        var node = JsonNode.Parse(EntryRecordJson.Serialize(SampleRecords.GreenCardRecord()))!.AsObject();
        node[field] = JsonNode.Parse(brokenValue);

        var results = EntryRecordSchema.Evaluate(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.False(results.IsValid);
    }

    [Fact]
    public void A_record_with_an_extra_field_or_a_missing_one_fails_the_schema()
    {
        var extra = JsonNode.Parse(EntryRecordJson.Serialize(SampleRecords.GreenCardRecord()))!.AsObject();
        extra["rawMrz"] = "P<UTOERIKSSON<<ANNA<MARIA";
        var missing = JsonNode.Parse(EntryRecordJson.Serialize(SampleRecords.GreenCardRecord()))!.AsObject();
        missing.Remove("nationality");

        Assert.False(EntryRecordSchema.Evaluate(Encoding.UTF8.GetBytes(extra.ToJsonString())).IsValid);
        Assert.False(EntryRecordSchema.Evaluate(Encoding.UTF8.GetBytes(missing.ToJsonString())).IsValid);
    }

    [Fact]
    public void Every_send_yields_a_record_that_validates_against_the_schema_and_round_trips()
    {
        var contexts = Gen.Select(
            Gen.Int[0, 1_000_000_000],
            Gen.Int[-48, 56],
            Gen.OneOfConst("CAN", "USA"),
            Gen.OneOfConst("0427", "0901", "A-12"),
            (seconds, quarterHours, country, port) => new EntryContext
            {
                RecordId = Guid.CreateVersion7(),
                EntryCountry = country,
                PortCode = port,
                PortName = "Test Port",
                Lane = "7",
                EntryTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds).AddTicks(seconds % 9_999),
                LocalUtcOffset = TimeSpan.FromMinutes(15 * quarterHours),
            });
        var sent = 0;

        Gen.Select(DocumentGenerators.AnyDocument, DocumentGenerators.AnyDeclaration, DocumentGenerators.AnyOptions, contexts).Sample(
            (document, declared, options, context) =>
            {
                var verdict = EligibilityPolicy.Evaluate(document, declared, options);
                if (verdict.Decision != Decision.Send)
                {
                    return;
                }

                Interlocked.Increment(ref sent);
                var record = EntryRecordFactory.Create(document, verdict, context);
                var json = EntryRecordJson.Serialize(record);
                var results = EntryRecordSchema.Evaluate(json);
                Assert.True(results.IsValid, EntryRecordSchema.Describe(results));
                Assert.True(EntryRecordJson.TryDeserialize(json, out var back));
                Assert.Equal(record, back);
            },
            iter: 3_000);

        Assert.True(sent > 300, "The generator should reach 'send' often enough for this property to mean something.");
    }
}
