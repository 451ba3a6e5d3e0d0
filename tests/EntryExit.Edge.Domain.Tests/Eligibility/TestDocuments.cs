using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

/// <summary>Builds parse results directly (the parser is developed separately): each is what a correct parser would
/// return for such a document. Names and numbers are ICAO specimen-style, not real people.</summary>
internal static class TestDocuments
{
    private static readonly MrzChecks AllPass = new(true, true, true, true, true);
    private static readonly MrzChecks DocumentNumberFails = new(false, true, true, true, false);

    public static MrzParseResult Create(
        MrzFormat format,
        string code,
        string issuer,
        string? nationality,
        string surname = "ERIKSSON",
        string givenNames = "ANNA MARIA",
        string number = "L898902C3",
        DateOnly? dateOfBirth = null,
        char sex = 'F',
        bool valid = true) => new()
        {
            Format = format,
            DocumentCode = code,
            IssuingState = issuer,
            Surname = surname,
            GivenNames = givenNames,
            DocumentNumber = number,
            Nationality = nationality,
            DateOfBirth = dateOfBirth ?? new DateOnly(1974, 8, 12),
            Sex = sex,
            ExpiryDate = new DateOnly(2031, 4, 15),
            Checks = valid ? AllPass : DocumentNumberFails,
            Errors = valid ? [] : [new MrzError(MrzErrorCodes.CheckDigit, "The document number check digit (line 2, column 10) does not match.")],
        };

    public static MrzParseResult Passport(string issuer, string nationality, bool valid = true) =>
        Create(MrzFormat.TD3, "P", issuer, nationality, valid: valid);

    public static MrzParseResult GreenCard(string birthCountry, string code = "C1") =>
        Create(MrzFormat.TD1, code, "USA", birthCountry, number: "SRC000123456");

    public static MrzParseResult UsPassportCard() => Create(MrzFormat.TD1, "IP", "USA", "USA", number: "C03005988");

    public static MrzParseResult EnhancedLicence(string country) => Create(MrzFormat.TD1, "ID", country, country);

    public static MrzParseResult CanadianPrCard(string nationality = "IND") => Create(MrzFormat.TD1, "CR", "CAN", nationality);

    public static MrzParseResult NoMrz() => new()
    {
        Errors = [new MrzError(MrzErrorCodes.UnknownFormat, "The number and lengths of lines match no ICAO layout.")],
    };

    /// <summary>Named documents for the decision-table theories (names keep the test list readable).</summary>
    public static MrzParseResult Named(string name) => name switch
    {
        "no-mrz" => NoMrz(),
        "MEX-passport-bad-check-digit" => Passport("MEX", "MEX", valid: false),
        "CAN-passport-bad-check-digit" => Passport("CAN", "CAN", valid: false),
        "MEX-passport" => Passport("MEX", "MEX"),
        "D-passport-XXA" => Passport("D", "XXA"),
        "UTO-passport-XXX" => Passport("UTO", "XXX"),
        "CAN-passport" => Passport("CAN", "CAN"),
        "USA-passport" => Passport("USA", "USA"),
        "USA-issued-P-MEX" => Passport("USA", "MEX"),
        "FRA-passport-USA-national" => Passport("FRA", "USA"),
        "USA-passport-card" => UsPassportCard(),
        "USA-EDL" => EnhancedLicence("USA"),
        "CAN-EDL" => EnhancedLicence("CAN"),
        "C1USA-born-MEX" => GreenCard("MEX"),
        "C2USA-born-FRA" => GreenCard("FRA", "C2"),
        "C1USA-born-CAN" => GreenCard("CAN"),
        "CAN-PR-card" => CanadianPrCard(),
        "CAN-certificate-of-identity" => Passport("CAN", "XXA"),
        "CAN-RTD-XXB" => Passport("CAN", "XXB"),
        "CAN-RTD-XXC" => Create(MrzFormat.TD3, "PT", "CAN", "XXC"),
        "D-RTD-XXB" => Passport("D", "XXB"),
        "CAN-P-foreign-national" => Passport("CAN", "IRN"),
        "USA-visa-MEX" => Create(MrzFormat.MRVA, "V", "USA", "MEX"),
        "FRA-identity-card" => Create(MrzFormat.TD1, "ID", "FRA", "FRA"),
        "CAN-identity-card-foreign" => Create(MrzFormat.TD2, "I", "CAN", "IRN"),
        _ => throw new ArgumentException("Unknown test document name.", nameof(name)),
    };
}
