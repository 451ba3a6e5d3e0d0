using Xunit;
using EntryExit.Edge.Domain.Eligibility;
using static EntryExit.Edge.Domain.Eligibility.Decision;
using static EntryExit.Edge.Domain.Eligibility.DeclaredStatus;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>An officer's declaration overrides what the document suggests (shared/domain.md §7).</summary>
public sealed class DeclarationOverrideTests
{
    private static readonly PolicyOptions PhaseII = PolicyOptions.Default;
    private static readonly PolicyOptions AllTravellers = new(ExchangeMode.AllTravellers);

    [Theory]
    [InlineData(CanadianCitizen)]
    [InlineData(UsCitizen)]
    public void A_declared_citizen_on_a_third_country_passport_is_excluded_in_phase_II(DeclaredStatus declared)
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named("MEX-passport"), declared, PhaseII);

        Assert.Equal((Exclude, EligibilityRules.DeclaredCitizen), (result.Decision, result.Rule));
    }

    [Theory]
    [InlineData("MEX-passport", RegisteredIndian)]
    [InlineData("C1USA-born-MEX", RegisteredIndian)]
    [InlineData("CAN-certificate-of-identity", ProtectedPerson)]
    [InlineData("CAN-PR-card", RegisteredIndian)]
    public void A_declared_protected_group_is_excluded_in_phase_II_whatever_the_document(string document, DeclaredStatus declared)
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named(document), declared, PhaseII);

        Assert.Equal((Exclude, EligibilityRules.DeclaredProtectedGroup), (result.Decision, result.Rule));
    }

    [Theory]
    [InlineData("CAN-passport", CanadianPermanentResident)]
    [InlineData("CAN-passport", UsPermanentResident)]
    [InlineData("USA-passport", CanadianPermanentResident)]
    [InlineData("USA-passport-card", UsPermanentResident)]
    [InlineData("USA-EDL", CanadianPermanentResident)]
    public void A_resident_declaration_on_a_citizens_document_is_contradictory(string document, DeclaredStatus declared)
    {
        var doc = TestDocuments.Named(document);

        var phaseII = EligibilityPolicy.Evaluate(doc, declared, PhaseII);
        var allTravellers = EligibilityPolicy.Evaluate(doc, declared, AllTravellers);

        Assert.Equal((Exclude, EligibilityRules.CitizenDocumentDeclaredResident), (phaseII.Decision, phaseII.Rule));
        Assert.Contains("contradicts", phaseII.Reason, StringComparison.Ordinal);
        Assert.Equal((Hold, EligibilityRules.CitizenDocumentDeclaredResident), (allTravellers.Decision, allTravellers.Rule));
    }

    [Theory]
    [InlineData("MEX-passport", CanadianPermanentResident, EligibilityRules.ThirdCountryPassport)]
    [InlineData("MEX-passport", UsPermanentResident, EligibilityRules.ThirdCountryPassport)]
    [InlineData("C1USA-born-MEX", CanadianPermanentResident, EligibilityRules.UsPermanentResidentCard)]
    [InlineData("CAN-PR-card", UsPermanentResident, EligibilityRules.CanadianResidentDocument)]
    public void A_resident_declaration_on_a_resident_or_third_country_document_sends_with_the_declared_category(
        string document, DeclaredStatus declared, string rule)
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named(document), declared, PhaseII);

        var expectedCategory = declared == CanadianPermanentResident ? TravellerCategory.CanadianPermanentResident : TravellerCategory.UsPermanentResident;
        Assert.Equal((Send, expectedCategory, rule), (result.Decision, result.Category, result.Rule));
    }

    [Fact]
    public void A_resident_declaration_does_not_make_an_unrecognised_document_sendable_in_phase_II()
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named("USA-visa-MEX"), UsPermanentResident, PhaseII);

        Assert.Equal((Hold, EligibilityRules.Unrecognised), (result.Decision, result.Rule));
    }

    [Fact]
    public void A_declaration_never_rescues_a_document_whose_check_digits_fail()
    {
        foreach (var declared in Enum.GetValues<DeclaredStatus>())
        {
            foreach (var options in new[] { PhaseII, AllTravellers, new PolicyOptions(ExchangeMode.AllTravellers, true) })
            {
                var result = EligibilityPolicy.Evaluate(TestDocuments.Named("MEX-passport-bad-check-digit"), declared, options);
                Assert.Equal((Hold, EligibilityRules.DocumentInvalid), (result.Decision, result.Rule));
            }
        }
    }

    [Fact]
    public void An_undefined_declared_status_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            EligibilityPolicy.Evaluate(TestDocuments.Named("MEX-passport"), (DeclaredStatus)99, PhaseII));
    }
}
