using Xunit;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;
using EntryExit.Edge.Domain.Records;
using static EntryExit.Edge.Domain.Eligibility.Decision;
using static EntryExit.Edge.Domain.Eligibility.DeclaredStatus;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>Every row of shared/domain.md §7 in both modes (protected groups switched off, the default).</summary>
public sealed class DecisionTableTests
{
    private static readonly PolicyOptions PhaseII = PolicyOptions.Default;
    private static readonly PolicyOptions AllTravellers = new(ExchangeMode.AllTravellers);

    [Theory]
    // R1: unreadable MRZ or failed check digits: held in both modes, even with a declaration.
    [InlineData("no-mrz", None, Hold, "R1-document-invalid", Hold, "R1-document-invalid")]
    [InlineData("MEX-passport-bad-check-digit", None, Hold, "R1-document-invalid", Hold, "R1-document-invalid")]
    [InlineData("CAN-passport-bad-check-digit", CanadianCitizen, Hold, "R1-document-invalid", Hold, "R1-document-invalid")]
    // R2: declared Registered Indian or protected person.
    [InlineData("MEX-passport", RegisteredIndian, Exclude, "R2-declared-protected-group", Exclude, "R2-declared-protected-group")]
    [InlineData("C1USA-born-MEX", ProtectedPerson, Exclude, "R2-declared-protected-group", Exclude, "R2-declared-protected-group")]
    [InlineData("CAN-PR-card", ProtectedPerson, Exclude, "R2-declared-protected-group", Exclude, "R2-declared-protected-group")]
    // R4: Canadian refugee travel document.
    [InlineData("CAN-RTD-XXB", None, Exclude, "R4-refugee-travel-document", Exclude, "R4-refugee-travel-document")]
    [InlineData("CAN-RTD-XXC", UsPermanentResident, Exclude, "R4-refugee-travel-document", Exclude, "R4-refugee-travel-document")]
    // R5: declared citizen.
    [InlineData("MEX-passport", CanadianCitizen, Exclude, "R5-declared-citizen", Send, "R5-declared-citizen")]
    [InlineData("C1USA-born-MEX", UsCitizen, Exclude, "R5-declared-citizen", Send, "R5-declared-citizen")]
    // R5a (added): a Canadian card the MRZ cannot tell from an SCIS, under all-travellers.
    [InlineData("CAN-EDL", None, Exclude, "R6-citizen-document", Hold, "R5a-unverified-canadian-card")]
    [InlineData("CAN-P-foreign-national", None, Hold, "R11-unrecognised-document", Hold, "R5a-unverified-canadian-card")]
    [InlineData("CAN-identity-card-foreign", None, Hold, "R11-unrecognised-document", Hold, "R5a-unverified-canadian-card")]
    // R6: Canadian or U.S. passport, passport card or EDL (by nationality or issuer).
    [InlineData("CAN-passport", None, Exclude, "R6-citizen-document", Send, "R6-citizen-document")]
    [InlineData("USA-passport", None, Exclude, "R6-citizen-document", Send, "R6-citizen-document")]
    [InlineData("USA-passport-card", None, Exclude, "R6-citizen-document", Send, "R6-citizen-document")]
    [InlineData("USA-EDL", None, Exclude, "R6-citizen-document", Send, "R6-citizen-document")]
    [InlineData("USA-issued-P-MEX", None, Exclude, "R6-citizen-document", Send, "R6-citizen-document")]
    [InlineData("FRA-passport-USA-national", None, Exclude, "R6-citizen-document", Send, "R6-citizen-document")]
    // R7: U.S. Permanent Resident Card.
    [InlineData("C1USA-born-MEX", None, Send, "R7-us-permanent-resident-card", Send, "R7-us-permanent-resident-card")]
    [InlineData("C2USA-born-FRA", None, Send, "R7-us-permanent-resident-card", Send, "R7-us-permanent-resident-card")]
    [InlineData("C1USA-born-CAN", None, Send, "R7-us-permanent-resident-card", Send, "R7-us-permanent-resident-card")]
    // R8: Canadian PR card or certificate of identity.
    [InlineData("CAN-PR-card", None, Send, "R8-canadian-resident-document", Send, "R8-canadian-resident-document")]
    [InlineData("CAN-certificate-of-identity", None, Send, "R8-canadian-resident-document", Send, "R8-canadian-resident-document")]
    // R10: passport of a third country, XXA and XXX included.
    [InlineData("MEX-passport", None, Send, "R10-third-country-passport", Send, "R10-third-country-passport")]
    [InlineData("D-passport-XXA", None, Send, "R10-third-country-passport", Send, "R10-third-country-passport")]
    [InlineData("UTO-passport-XXX", None, Send, "R10-third-country-passport", Send, "R10-third-country-passport")]
    // R11: anything else.
    [InlineData("USA-visa-MEX", None, Hold, "R11-unrecognised-document", Send, "R11-unrecognised-document")]
    [InlineData("FRA-identity-card", None, Hold, "R11-unrecognised-document", Send, "R11-unrecognised-document")]
    [InlineData("D-RTD-XXB", None, Hold, "R11-unrecognised-document", Send, "R11-unrecognised-document")]
    public void Evaluate_applies_the_first_matching_row_in_both_modes(
        string document, DeclaredStatus declared,
        Decision phaseIIDecision, string phaseIIRule, Decision allTravellersDecision, string allTravellersRule)
    {
        var doc = TestDocuments.Named(document);

        var phaseII = EligibilityPolicy.Evaluate(doc, declared, PhaseII);
        var allTravellers = EligibilityPolicy.Evaluate(doc, declared, AllTravellers);

        Assert.Equal((phaseIIDecision, phaseIIRule), (phaseII.Decision, phaseII.Rule));
        Assert.Equal((allTravellersDecision, allTravellersRule), (allTravellers.Decision, allTravellers.Rule));
    }

    [Theory]
    [InlineData("MEX-passport", None, TravellerCategory.ThirdCountryNational)]
    [InlineData("D-passport-XXA", None, TravellerCategory.ThirdCountryNational)]
    [InlineData("C1USA-born-MEX", None, TravellerCategory.UsPermanentResident)]
    [InlineData("CAN-PR-card", None, TravellerCategory.CanadianPermanentResident)]
    [InlineData("CAN-certificate-of-identity", None, TravellerCategory.CanadianPermanentResident)]
    public void A_phase_II_send_carries_the_category_the_row_names(string document, DeclaredStatus declared, TravellerCategory category)
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named(document), declared, PhaseII);

        Assert.Equal((Send, category), (result.Decision, result.Category));
    }

    [Theory]
    [InlineData("CAN-passport", TravellerCategory.CanadianCitizen)]
    [InlineData("USA-passport", TravellerCategory.UsCitizen)]
    [InlineData("USA-passport-card", TravellerCategory.UsCitizen)]
    [InlineData("USA-EDL", TravellerCategory.UsCitizen)]
    [InlineData("USA-issued-P-MEX", TravellerCategory.Unknown)]
    public void A_citizen_document_sent_under_all_travellers_carries_the_citizen_category(string document, TravellerCategory category)
    {
        var result = EligibilityPolicy.Evaluate(TestDocuments.Named(document), None, AllTravellers);

        Assert.Equal((Send, category), (result.Decision, result.Category));
    }

    [Theory]
    [InlineData(ExchangeMode.PhaseII, false, Exclude)]
    [InlineData(ExchangeMode.PhaseII, true, Exclude)]
    [InlineData(ExchangeMode.AllTravellers, false, Exclude)]
    [InlineData(ExchangeMode.AllTravellers, true, Send)]
    public void R3_an_Indian_status_card_is_excluded_unless_the_switch_is_on(ExchangeMode mode, bool share, Decision expected)
    {
        var card = TestDocuments.Create(MrzFormat.TD1, "IS", "CAN", "CAN");
        var scis = new DocumentClassification(DocumentKind.IndianStatusCard, DocumentTypes.IndianStatusCard);

        var result = EligibilityPolicy.Evaluate(card, scis, CanadianPermanentResident, new PolicyOptions(mode, share));

        Assert.Equal((expected, TravellerCategory.RegisteredIndian, EligibilityRules.IndianStatusCard), (result.Decision, result.Category, result.Rule));
    }

    [Theory]
    [InlineData("USA", None, ExchangeMode.PhaseII, Hold, "R9-trusted-traveller-card")]
    [InlineData("USA", None, ExchangeMode.AllTravellers, Send, "R9-trusted-traveller-card")]
    [InlineData("USA", UsPermanentResident, ExchangeMode.PhaseII, Send, "R9-trusted-traveller-card")]
    [InlineData("USA", CanadianCitizen, ExchangeMode.PhaseII, Exclude, "R5-declared-citizen")]
    [InlineData("CAN", None, ExchangeMode.PhaseII, Hold, "R9-trusted-traveller-card")]
    [InlineData("CAN", None, ExchangeMode.AllTravellers, Hold, "R5a-unverified-canadian-card")]
    public void R9_a_trusted_traveller_card_needs_a_declaration_in_phase_II(
        string issuer, DeclaredStatus declared, ExchangeMode mode, Decision decision, string rule)
    {
        var card = TestDocuments.Create(MrzFormat.TD1, "IN", issuer, "MEX");
        var nexus = new DocumentClassification(DocumentKind.TrustedTravellerCard, DocumentTypes.TrustedTravellerCard);

        var result = EligibilityPolicy.Evaluate(card, nexus, declared, new PolicyOptions(mode));

        Assert.Equal((decision, rule), (result.Decision, result.Rule));
    }

    [Fact]
    public void Reasons_never_contain_the_documents_personal_data()
    {
        var doc = TestDocuments.Create(MrzFormat.TD3, "P", "MEX", "MEX", surname: "ZZQUIRKY", givenNames: "XAVERIA", number: "Q9Q9Q9Q9Q");
        foreach (var declared in Enum.GetValues<DeclaredStatus>())
        {
            foreach (var options in new[] { PhaseII, AllTravellers, new PolicyOptions(ExchangeMode.AllTravellers, true) })
            {
                var reason = EligibilityPolicy.Evaluate(doc, declared, options).Reason;
                Assert.DoesNotContain("ZZQUIRKY", reason, StringComparison.Ordinal);
                Assert.DoesNotContain("XAVERIA", reason, StringComparison.Ordinal);
                Assert.DoesNotContain("Q9Q9Q9Q9Q", reason, StringComparison.Ordinal);
                Assert.DoesNotContain("1974", reason, StringComparison.Ordinal);
                Assert.DoesNotContain("MEX", reason, StringComparison.Ordinal);
            }
        }
    }
}
