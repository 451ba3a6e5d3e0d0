using System.Text;
using System.Text.Json;
using EntryExit.Edge.Domain.Records;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Records;

public sealed class EntryRecordJsonTests
{
    private const string GreenCardJson =
        """{"recordId":"01890a5d-ac96-7b4b-bcce-b302099a8057","schemaVersion":1,"entryCountry":"CAN","portCode":"0427","portName":"Queenston-Lewiston Bridge","lane":"L03","entryTime":"2026-07-04T17:45:12.345Z","utcOffset":"-04:00","surname":"ERIKSSON","givenNames":"ANNA MARIA","dateOfBirth":"1974-08-12","nationality":null,"sex":"F","documentType":"us-permanent-resident-card","documentCode":"C1","documentNumber":"SRC000123456","issuingCountry":"USA","category":"us-permanent-resident"}""";

    [Fact]
    public void Serialize_writes_the_exact_v1_shape()
    {
        var json = Encoding.UTF8.GetString(EntryRecordJson.Serialize(SampleRecords.GreenCardRecord()));

        Assert.Equal(GreenCardJson, json);
    }

    [Fact]
    public void Serialize_writes_a_nationality_when_there_is_one()
    {
        var record = SampleRecords.GreenCardRecord() with { Nationality = "XXA", DocumentType = DocumentTypes.Passport, DocumentCode = "P" };

        var json = Encoding.UTF8.GetString(EntryRecordJson.Serialize(record));

        Assert.Contains("\"nationality\":\"XXA\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_writes_a_positive_offset_readably_not_as_a_unicode_escape()
    {
        var json = Encoding.UTF8.GetString(EntryRecordJson.Serialize(SampleRecords.GreenCardRecord() with { UtcOffset = "+05:30" }));

        Assert.Contains("\"utcOffset\":\"+05:30\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_embeds_the_same_object_inside_another_document()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("decision", "send");
            writer.WritePropertyName("record");
            EntryRecordJson.Write(writer, SampleRecords.GreenCardRecord());
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        var embedded = document.RootElement.GetProperty("record").GetRawText();
        Assert.True(EntryRecordJson.TryDeserialize(Encoding.UTF8.GetBytes(embedded), out var record));
        Assert.Equal(SampleRecords.GreenCardRecord(), record);
    }

    [Fact]
    public void TryDeserialize_reads_back_what_Serialize_wrote()
    {
        Assert.True(EntryRecordJson.TryDeserialize(Encoding.UTF8.GetBytes(GreenCardJson), out var record));

        Assert.Equal(SampleRecords.GreenCardRecord(), record);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"recordId\":\"01890a5d-ac96-7b4b-bcce-b302099a8057\"}")]
    public void TryDeserialize_returns_false_on_malformed_or_incomplete_json(string json)
    {
        Assert.False(EntryRecordJson.TryDeserialize(Encoding.UTF8.GetBytes(json), out var record));
        Assert.Null(record);
    }

    [Theory]
    [InlineData("\"schemaVersion\":1,", "")] // required field missing
    [InlineData("\"schemaVersion\":1", "\"schemaVersion\":2")]
    [InlineData("\"lane\":\"L03\"", "\"lane\":\"L03\",\"rawMrz\":\"P<UTO\"")] // no extra fields, ever
    [InlineData("17:45:12.345Z", "17:45:12.345+00:00")] // UTC must say Z
    [InlineData("\"sex\":\"F\"", "\"sex\":\"f\"")]
    [InlineData("\"category\":\"us-permanent-resident\"", "\"category\":\"permanent-resident\"")]
    [InlineData("\"surname\":\"ERIKSSON\"", "\"surname\":null")]
    [InlineData("7b4b", "4b4b")] // a v4 UUID is not a v7
    public void TryDeserialize_returns_false_when_a_field_breaks_the_schema(string from, string to)
    {
        Assert.Contains(from, GreenCardJson, StringComparison.Ordinal);
        var broken = GreenCardJson.Replace(from, to, StringComparison.Ordinal);

        Assert.False(EntryRecordJson.TryDeserialize(Encoding.UTF8.GetBytes(broken), out _));
    }

    [Fact]
    public void Serialize_refuses_a_record_that_breaks_the_schema_naming_only_the_field()
    {
        var record = SampleRecords.GreenCardRecord() with { Nationality = "Canada" };

        var error = Assert.Throws<ArgumentException>(() => EntryRecordJson.Serialize(record));

        Assert.Contains("nationality", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", error.Message, StringComparison.Ordinal);
    }
}
