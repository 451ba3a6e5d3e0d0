namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>The fields the simulator writes into an MRZ. Dates are <c>YYMMDD</c>; sex is M, F or &lt;.</summary>
/// <param name="DocumentCode">Two characters, e.g. <c>P&lt;</c>, <c>IP</c>, <c>C1</c>.</param>
/// <param name="IssuingState">ICAO code of the issuer.</param>
/// <param name="Surname">Primary identifier.</param>
/// <param name="GivenNames">Given names separated by spaces.</param>
/// <param name="DocumentNumber">Up to 9 characters.</param>
/// <param name="Nationality">ICAO code (for a green card: country of birth).</param>
/// <param name="DateOfBirth">YYMMDD.</param>
/// <param name="Sex">M, F or &lt;.</param>
/// <param name="Expiry">YYMMDD.</param>
/// <param name="OptionalData">Optional data (TD3 personal number, TD1 line 1).</param>
/// <param name="OptionalData2">TD1 line 2 optional data.</param>
public sealed record MrzFields(
    string DocumentCode,
    string IssuingState,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    string DateOfBirth,
    char Sex,
    string Expiry,
    string OptionalData = "",
    string OptionalData2 = "");
