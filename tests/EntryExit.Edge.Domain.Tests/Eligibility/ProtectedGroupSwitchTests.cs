using Xunit;
using EntryExit.Edge.Domain.Eligibility;
using static EntryExit.Edge.Domain.Eligibility.Decision;
using static EntryExit.Edge.Domain.Eligibility.DeclaredStatus;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>The separate switch for Registered Indians and protected persons under all-travellers (default off).</summary>
public sealed class ProtectedGroupSwitchTests
{
    [Fact]
    public void The_switch_is_off_by_default()
    {
        Assert.False(PolicyOptions.Default.ShareProtectedGroupsInAllTravellers);
        Assert.False(new PolicyOptions(ExchangeMode.AllTravellers).ShareProtectedGroupsInAllTravellers);
    }

    [Theory]
    [InlineData("MEX-passport", RegisteredIndian, TravellerCategory.RegisteredIndian, "R2-declared-protected-group")]
    [InlineData("CAN-passport", ProtectedPerson, TravellerCategory.ProtectedPerson, "R2-declared-protected-group")]
    [InlineData("CAN-RTD-XXB", None, TravellerCategory.ProtectedPerson, "R4-refugee-travel-document")]
    public void With_the_switch_on_all_travellers_sends_protected_groups(
        string document, DeclaredStatus declared, TravellerCategory category, string rule)
    {
        var doc = TestDocuments.Named(document);

        var off = EligibilityPolicy.Evaluate(doc, declared, new PolicyOptions(ExchangeMode.AllTravellers));
        var on = EligibilityPolicy.Evaluate(doc, declared, new PolicyOptions(ExchangeMode.AllTravellers, true));

        Assert.Equal((Exclude, category, rule), (off.Decision, off.Category, off.Rule));
        Assert.Equal((Send, category, rule), (on.Decision, on.Category, on.Rule));
    }

    [Theory]
    [InlineData("MEX-passport", RegisteredIndian)]
    [InlineData("MEX-passport", ProtectedPerson)]
    [InlineData("CAN-RTD-XXB", None)]
    public void The_switch_has_no_effect_in_phase_II(string document, DeclaredStatus declared)
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named(document), declared, new PolicyOptions(ExchangeMode.PhaseII, true));

        Assert.Equal(Exclude, result.Decision);
    }

    [Fact]
    public void With_the_switch_on_a_Canadian_EDL_is_sent_as_a_citizen_document()
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named("CAN-EDL"), None, new PolicyOptions(ExchangeMode.AllTravellers, true));

        Assert.Equal((Send, TravellerCategory.CanadianCitizen, EligibilityRules.CitizenDocument), (result.Decision, result.Category, result.Rule));
    }
}
