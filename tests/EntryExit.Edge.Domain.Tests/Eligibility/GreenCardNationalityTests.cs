using Xunit;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>A U.S. green card's "nationality" field is the country of BIRTH: never citizenship, never reported.</summary>
public sealed class GreenCardNationalityTests
{
    private static readonly EntryContext Context = new()
    {
        RecordId = Guid.CreateVersion7(new DateTimeOffset(2026, 7, 4, 12, 0, 0, TimeSpan.Zero)),
        EntryCountry = "USA",
        PortCode = "0901",
        PortName = "Buffalo-Peace Bridge",
        Lane = "4",
        EntryTime = new DateTimeOffset(2026, 7, 4, 8, 0, 0, TimeSpan.FromHours(-4)),
        LocalUtcOffset = TimeSpan.FromHours(-4),
    };

    [Theory]
    [InlineData("MEX", DeclaredStatus.None)]
    [InlineData("FRA", DeclaredStatus.None)]
    [InlineData("CAN", DeclaredStatus.UsPermanentResident)]
    public void A_green_card_is_sent_as_a_US_permanent_resident_with_no_nationality(string birthCountry, DeclaredStatus declared)
    {
        var card = TestDocuments.GreenCard(birthCountry);

        var verdict = EligibilityPolicy.Evaluate(card, declared, PolicyOptions.Default);
        var record = EntryRecordFactory.Create(card, verdict, Context);

        Assert.Equal((Decision.Send, TravellerCategory.UsPermanentResident), (verdict.Decision, verdict.Category));
        Assert.Null(record.Nationality);
        Assert.Equal("us-permanent-resident", record.Category);
        Assert.Equal(DocumentTypes.UsPermanentResidentCard, record.DocumentType);
        Assert.Equal("C1", record.DocumentCode);
    }

    [Fact]
    public void A_green_card_born_in_Canada_is_sent_as_a_US_permanent_resident_not_excluded_as_a_Canadian()
    {
        // The trap: the nationality field says CAN, but it is the country of BIRTH. The decision table (row 7) sends
        // a green card without a citizen declaration; an LPR who is also a Canadian citizen is the officer's to declare.
        var card = TestDocuments.GreenCard("CAN");

        var verdict = EligibilityPolicy.Evaluate(card, DeclaredStatus.None, PolicyOptions.Default);
        var record = EntryRecordFactory.Create(card, verdict, Context);

        Assert.Equal(
            (Decision.Send, TravellerCategory.UsPermanentResident, EligibilityRules.UsPermanentResidentCard),
            (verdict.Decision, verdict.Category, verdict.Rule));
        Assert.Null(record.Nationality);
    }

    [Fact]
    public void A_green_card_born_in_Canada_with_a_Canadian_citizen_declaration_is_excluded()
    {
        var verdict = EligibilityPolicy.Evaluate(TestDocuments.GreenCard("CAN"), DeclaredStatus.CanadianCitizen, PolicyOptions.Default);

        Assert.Equal((Decision.Exclude, TravellerCategory.CanadianCitizen), (verdict.Decision, verdict.Category));
    }

    [Fact]
    public void A_green_card_under_all_travellers_still_reports_no_nationality()
    {
        var card = TestDocuments.GreenCard("CAN");

        var verdict = EligibilityPolicy.Evaluate(card, DeclaredStatus.None, new PolicyOptions(ExchangeMode.AllTravellers));
        var record = EntryRecordFactory.Create(card, verdict, Context);

        Assert.Equal(TravellerCategory.UsPermanentResident, verdict.Category);
        Assert.Null(record.Nationality);
    }
}
