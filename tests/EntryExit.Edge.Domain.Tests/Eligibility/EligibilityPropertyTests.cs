using Xunit;
using CsCheck;
using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>The privacy promises, checked over generated documents rather than picked examples.</summary>
public sealed class EligibilityPropertyTests
{
    private const int Iterations = 5_000;

    [Fact]
    public void No_Canadian_or_US_passport_or_passport_card_is_ever_sent_in_phase_II_whatever_the_declaration()
    {
        Gen.Select(DocumentGenerators.CanadianOrUsPassportOrCard, DocumentGenerators.AnyDeclaration, Gen.Bool).Sample(
            (document, declared, share) =>
            {
                Assert.True(document.Valid);
                var result = EligibilityPolicy.Evaluate(document, declared, new PolicyOptions(ExchangeMode.PhaseII, share));
                Assert.NotEqual(Decision.Send, result.Decision);
            },
            iter: Iterations);
    }

    [Fact]
    public void No_declared_citizen_or_protected_group_is_ever_sent_in_phase_II_whatever_the_document()
    {
        var protectedDeclarations = Gen.OneOfConst(
            DeclaredStatus.CanadianCitizen, DeclaredStatus.UsCitizen, DeclaredStatus.RegisteredIndian, DeclaredStatus.ProtectedPerson);

        Gen.Select(DocumentGenerators.AnyDocument, protectedDeclarations, Gen.Bool).Sample(
            (document, declared, share) =>
            {
                var result = EligibilityPolicy.Evaluate(document, declared, new PolicyOptions(ExchangeMode.PhaseII, share));
                Assert.NotEqual(Decision.Send, result.Decision);
            },
            iter: Iterations);
    }

    [Fact]
    public void No_declared_citizen_or_protected_group_is_sent_in_phase_II_even_if_classification_were_wrong()
    {
        // Feeds every kind against every document: the declaration alone must keep these travellers out.
        var protectedDeclarations = Gen.OneOfConst(
            DeclaredStatus.CanadianCitizen, DeclaredStatus.UsCitizen, DeclaredStatus.RegisteredIndian, DeclaredStatus.ProtectedPerson);

        Gen.Select(DocumentGenerators.AnyDocument, DocumentGenerators.AnyClassification, protectedDeclarations).Sample(
            (document, classification, declared) =>
            {
                var result = EligibilityPolicy.Evaluate(document, classification, declared, PolicyOptions.Default);
                Assert.NotEqual(Decision.Send, result.Decision);
            },
            iter: Iterations);
    }

    [Fact]
    public void With_the_switch_off_no_declared_Registered_Indian_or_protected_person_is_sent_in_any_mode()
    {
        var declarations = Gen.OneOfConst(DeclaredStatus.RegisteredIndian, DeclaredStatus.ProtectedPerson);

        Gen.Select(DocumentGenerators.AnyDocument, declarations, Gen.Enum<ExchangeMode>()).Sample(
            (document, declared, mode) =>
            {
                var result = EligibilityPolicy.Evaluate(document, declared, new PolicyOptions(mode));
                Assert.NotEqual(Decision.Send, result.Decision);
            },
            iter: Iterations);
    }

    [Fact]
    public void An_invalid_document_is_never_sent()
    {
        Gen.Select(DocumentGenerators.AnyDocument, DocumentGenerators.AnyDeclaration, DocumentGenerators.AnyOptions).Sample(
            (document, declared, options) =>
            {
                var result = EligibilityPolicy.Evaluate(document, declared, options);
                Assert.True(document.Valid || result.Decision == Decision.Hold);
            },
            iter: Iterations);
    }
}
