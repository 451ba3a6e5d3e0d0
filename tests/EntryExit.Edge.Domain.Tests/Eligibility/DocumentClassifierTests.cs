using Xunit;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Records;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

public sealed class DocumentClassifierTests
{
    [Theory]
    [InlineData("MEX-passport", DocumentKind.Passport, DocumentTypes.Passport)]
    [InlineData("CAN-passport", DocumentKind.Passport, DocumentTypes.Passport)]
    [InlineData("D-passport-XXA", DocumentKind.Passport, DocumentTypes.Passport)]
    [InlineData("USA-passport-card", DocumentKind.PassportCard, DocumentTypes.PassportCard)]
    [InlineData("C1USA-born-MEX", DocumentKind.UsPermanentResidentCard, DocumentTypes.UsPermanentResidentCard)]
    [InlineData("C2USA-born-FRA", DocumentKind.UsPermanentResidentCard, DocumentTypes.UsPermanentResidentCard)]
    [InlineData("C1USA-born-CAN", DocumentKind.UsPermanentResidentCard, DocumentTypes.UsPermanentResidentCard)]
    [InlineData("CAN-PR-card", DocumentKind.CanadianPermanentResidentCard, DocumentTypes.CanadianPermanentResidentCard)]
    [InlineData("CAN-certificate-of-identity", DocumentKind.CertificateOfIdentity, DocumentTypes.CertificateOfIdentity)]
    [InlineData("CAN-RTD-XXB", DocumentKind.RefugeeTravelDocument, DocumentTypes.RefugeeTravelDocument)]
    [InlineData("CAN-RTD-XXC", DocumentKind.RefugeeTravelDocument, DocumentTypes.RefugeeTravelDocument)]
    [InlineData("D-RTD-XXB", DocumentKind.RefugeeTravelDocument, DocumentTypes.RefugeeTravelDocument)]
    [InlineData("CAN-P-foreign-national", DocumentKind.Other, DocumentTypes.Other)]
    [InlineData("USA-EDL", DocumentKind.EnhancedDriversLicence, DocumentTypes.EnhancedDriversLicence)]
    [InlineData("CAN-EDL", DocumentKind.EnhancedDriversLicence, DocumentTypes.EnhancedDriversLicence)]
    [InlineData("USA-visa-MEX", DocumentKind.Visa, DocumentTypes.Visa)]
    [InlineData("FRA-identity-card", DocumentKind.IdentityCard, DocumentTypes.IdentityCard)]
    [InlineData("CAN-identity-card-foreign", DocumentKind.IdentityCard, DocumentTypes.IdentityCard)]
    [InlineData("no-mrz", DocumentKind.Other, DocumentTypes.Other)]
    public void Classify_recognises_the_document(string document, DocumentKind kind, string documentType)
    {
        var classification = DocumentClassifier.Classify(TestDocuments.Named(document));

        Assert.Equal(kind, classification.Kind);
        Assert.Equal(documentType, classification.DocumentType);
    }

    [Theory]
    [InlineData("USA")] // a green card of a holder born in the U.S. is odd, but its field is still the birth country
    [InlineData("CAN")]
    public void A_green_card_is_never_classified_as_a_citizen_document_whatever_its_birth_country(string birthCountry)
    {
        Assert.Equal(DocumentKind.UsPermanentResidentCard, DocumentClassifier.Classify(TestDocuments.GreenCard(birthCountry)).Kind);
    }

    [Theory]
    [InlineData("CAN")]
    [InlineData("USA")]
    [InlineData("XXB")]
    [InlineData("XXX")]
    public void A_Canadian_C_card_is_a_PR_card_only_for_a_plain_foreign_nationality(string nationality)
    {
        Assert.Equal(DocumentKind.IdentityCard, DocumentClassifier.Classify(TestDocuments.CanadianPrCard(nationality)).Kind);
    }

    [Fact]
    public void A_passport_card_code_from_another_issuer_is_not_a_US_passport_card()
    {
        var card = TestDocuments.Create(EntryExit.Edge.Domain.Mrz.MrzFormat.TD1, "IP", "MEX", "MEX");

        Assert.Equal(DocumentKind.IdentityCard, DocumentClassifier.Classify(card).Kind);
    }
}
