using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Domain.Tests.Eligibility;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Records;

public sealed class EntryRecordFactoryTests
{
    private static EligibilityResult SendVerdict(TravellerCategory category) => new(Decision.Send, category, "R10-third-country-passport", "test");

    [Fact]
    public void Create_copies_the_document_and_context_and_stores_the_time_in_UTC()
    {
        var passport = TestDocuments.Passport("MEX", "MEX");

        var record = EntryRecordFactory.Create(passport, SendVerdict(TravellerCategory.ThirdCountryNational), SampleRecords.Context());

        Assert.Equal(SampleRecords.RecordId, record.RecordId);
        Assert.Equal(EntryRecord.CurrentSchemaVersion, record.SchemaVersion);
        Assert.Equal(("CAN", "0427", "Queenston-Lewiston Bridge", "L03"), (record.EntryCountry, record.PortCode, record.PortName, record.Lane));
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 17, 45, 12, 345, TimeSpan.Zero), record.EntryTime);
        Assert.Equal(TimeSpan.Zero, record.EntryTime.Offset);
        Assert.Equal("-04:00", record.UtcOffset);
        Assert.Equal(("ERIKSSON", "ANNA MARIA", new DateOnly(1974, 8, 12), "MEX", "F"),
            (record.Surname, record.GivenNames, record.DateOfBirth, record.Nationality, record.Sex));
        Assert.Equal((DocumentTypes.Passport, "P", "L898902C3", "MEX"),
            (record.DocumentType, record.DocumentCode, record.DocumentNumber, record.IssuingCountry));
        Assert.Equal("third-country-national", record.Category);
    }

    [Fact]
    public void Create_keeps_a_long_TD1_document_number_in_full()
    {
        var card = TestDocuments.Create(EntryExit.Edge.Domain.Mrz.MrzFormat.TD1, "C1", "USA", "MEX", number: "D23145890734123");

        var record = EntryRecordFactory.Create(card, SendVerdict(TravellerCategory.UsPermanentResident), SampleRecords.Context());

        Assert.Equal("D23145890734123", record.DocumentNumber);
    }

    [Theory]
    [InlineData(0, "+00:00")]
    [InlineData(330, "+05:30")]
    [InlineData(-210, "-03:30")]
    [InlineData(840, "+14:00")]
    [InlineData(-720, "-12:00")]
    public void Create_formats_the_local_offset(int minutes, string expected)
    {
        var context = SampleRecords.Context() with { LocalUtcOffset = TimeSpan.FromMinutes(minutes) };

        var record = EntryRecordFactory.Create(TestDocuments.Passport("MEX", "MEX"), SendVerdict(TravellerCategory.ThirdCountryNational), context);

        Assert.Equal(expected, record.UtcOffset);
    }

    [Fact]
    public void Create_truncates_the_entry_time_to_whole_milliseconds()
    {
        var context = SampleRecords.Context() with { EntryTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567) };

        var record = EntryRecordFactory.Create(TestDocuments.Passport("MEX", "MEX"), SendVerdict(TravellerCategory.ThirdCountryNational), context);

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.Zero), record.EntryTime);
    }

    [Theory]
    [InlineData(Decision.Exclude)]
    [InlineData(Decision.Hold)]
    public void Create_refuses_a_verdict_that_is_not_send_without_personal_data_in_the_message(Decision decision)
    {
        var passport = TestDocuments.Passport("CAN", "CAN");
        var verdict = new EligibilityResult(decision, TravellerCategory.CanadianCitizen, "R6-citizen-document", "test");

        var error = Assert.Throws<ArgumentException>(() => EntryRecordFactory.Create(passport, verdict, SampleRecords.Context()));

        Assert.Equal("verdict", error.ParamName);
        Assert.DoesNotContain("ERIKSSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("L898902C3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_an_invalid_document_even_with_a_send_verdict()
    {
        var passport = TestDocuments.Passport("MEX", "MEX", valid: false);

        var error = Assert.Throws<ArgumentException>(() =>
            EntryRecordFactory.Create(passport, SendVerdict(TravellerCategory.ThirdCountryNational), SampleRecords.Context()));

        Assert.Equal("document", error.ParamName);
    }

    [Fact]
    public void Create_refuses_a_record_id_that_is_not_a_UUIDv7()
    {
        var context = SampleRecords.Context(Guid.NewGuid());

        var error = Assert.Throws<ArgumentException>(() =>
            EntryRecordFactory.Create(TestDocuments.Passport("MEX", "MEX"), SendVerdict(TravellerCategory.ThirdCountryNational), context));

        Assert.Contains("recordId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GBR", "0427", "L03", 0.0)]
    [InlineData("CAN", "", "L03", 0.0)]
    [InlineData("CAN", "04 27", "L03", 0.0)]
    [InlineData("CAN", "0427", "", 0.0)]
    [InlineData("CAN", "0427", "L03", 0.5)] // not whole minutes
    [InlineData("CAN", "0427", "L03", 900)] // +15:00 is beyond any time zone
    public void Create_refuses_a_context_that_breaks_the_schema(string country, string port, string lane, double offsetMinutes)
    {
        var context = SampleRecords.Context() with
        {
            EntryCountry = country,
            PortCode = port,
            Lane = lane,
            LocalUtcOffset = TimeSpan.FromMinutes(offsetMinutes),
        };

        Assert.Throws<ArgumentException>(() =>
            EntryRecordFactory.Create(TestDocuments.Passport("MEX", "MEX"), SendVerdict(TravellerCategory.ThirdCountryNational), context));
    }

    [Fact]
    public void Create_refuses_a_document_without_a_document_number_naming_only_the_field()
    {
        var passport = TestDocuments.Create(EntryExit.Edge.Domain.Mrz.MrzFormat.TD3, "P", "MEX", "MEX", number: "");

        var error = Assert.Throws<ArgumentException>(() =>
            EntryRecordFactory.Create(passport, SendVerdict(TravellerCategory.ThirdCountryNational), SampleRecords.Context()));

        Assert.Contains("documentNumber", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ERIKSSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_reports_an_unbuildable_record_instead_of_throwing()
    {
        // Check digits can pass over a number with an inner filler; the record's schema cannot carry it.
        var passport = TestDocuments.Create(EntryExit.Edge.Domain.Mrz.MrzFormat.TD3, "P", "MEX", "MEX", number: "L898<02C3");

        var built = EntryRecordFactory.TryCreate(
            passport, SendVerdict(TravellerCategory.ThirdCountryNational), SampleRecords.Context(), out var record, out var problem);

        Assert.False(built);
        Assert.Null(record);
        Assert.Contains("documentNumber", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("L898", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_builds_the_same_record_as_Create()
    {
        var passport = TestDocuments.Passport("MEX", "MEX");
        var verdict = SendVerdict(TravellerCategory.ThirdCountryNational);

        Assert.True(EntryRecordFactory.TryCreate(passport, verdict, SampleRecords.Context(), out var record, out var problem));
        Assert.Null(problem);
        Assert.Equal(EntryRecordFactory.Create(passport, verdict, SampleRecords.Context()), record);
    }
}
