using EntryExit.Edge.Domain.Mrz;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Mrz;

public sealed class MrzFieldTests
{
    private static readonly DateOnly Today = MrzSpecimenTests.Today; // 2026-11-28

    [Theory]
    [InlineData("261128", "2026-11-28")] // born today
    [InlineData("261129", "1926-11-29")] // tomorrow would be in the future: previous century
    [InlineData("000229", "2000-02-29")] // leap day of a leap century year
    [InlineData("991231", "1999-12-31")]
    [InlineData("250101", "2025-01-01")]
    public void Birth_date_takes_the_latest_century_not_after_today(string field, string expected)
    {
        var result = MrzParser.Parse(RawTd3.Build(birth: field), Today);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.DateOfBirth);
    }

    [Theory]
    [InlineData("461128", "2046-11-28")] // today + 20 years: last year of the window
    [InlineData("470101", "1947-01-01")] // beyond + 20 years: previous century, long expired
    [InlineData("000101", "2000-01-01")]
    [InlineData("150101", "2015-01-01")]
    public void Expiry_date_century_is_resolved_in_a_window_around_today(string field, string expected)
    {
        var result = MrzParser.Parse(RawTd3.Build(expiry: field), Today);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.ExpiryDate);
        Assert.True(result.Valid);
    }

    /// <summary>Found by the fuzzer (tests/EntryExit.Edge.Fuzz/corpus/mrz/011b91681f42c12e.bin): a filler in the TD1
    /// number's check position with only a check digit in the optional data parsed valid, as if the number overflowed.</summary>
    [Fact]
    public void An_overflow_without_continuation_characters_is_an_error_not_a_valid_number()
    {
        // The ICAO TD1 specimen with the number's check digit 7 moved from column 15 into the optional data.
        var text = "I<UTOD23145890<7<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

        var result = MrzParser.Parse(text, new DateOnly(2010, 1, 1));

        Assert.False(result.Valid);
        Assert.False(result.Checks.DocumentNumber);
        Assert.Contains(result.Errors, e => e.Code == MrzErrorCodes.InvalidField);
    }

    [Fact]
    public void An_expired_document_parses_with_a_warning_not_an_error()
    {
        var result = MrzParser.Parse(RawTd3.Build(expiry: "261127"), Today);

        Assert.True(result.Valid);
        Assert.Equal(MrzErrorCodes.Expired, Assert.Single(result.Warnings).Code);
        Assert.Empty(MrzParser.Parse(RawTd3.Build(expiry: "261128"), Today).Warnings);
    }

    [Theory]
    [InlineData("741312")] // month 13
    [InlineData("740230")] // 30 February
    [InlineData("010229")] // 29 February 2001
    [InlineData("740800")] // day 0
    [InlineData("74<812")] // a filler inside a known part
    public void A_birth_date_that_is_no_calendar_date_is_invalid(string field)
    {
        var result = MrzParser.Parse(RawTd3.Build(birth: field), Today);

        Assert.False(result.Valid);
        Assert.Null(result.DateOfBirth);
        var error = Assert.Single(result.Errors);
        Assert.Equal(MrzErrorCodes.InvalidDate, error.Code);
        Assert.Contains("date of birth (line 2, columns 14-19)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expiry_date_that_is_no_calendar_date_is_invalid()
    {
        var result = MrzParser.Parse(RawTd3.Build(expiry: "301301"), Today);

        Assert.Equal(MrzErrorCodes.InvalidDate, Assert.Single(result.Errors).Code);
        Assert.Null(result.ExpiryDate);
    }

    [Theory]
    [InlineData("<<<<<<")]
    [InlineData("74<<<<")]
    [InlineData("7408<<")]
    public void An_unknown_birth_date_gives_no_date_and_a_warning(string field)
    {
        var result = MrzParser.Parse(RawTd3.Build(birth: field), Today);

        Assert.True(result.Valid);
        Assert.Null(result.DateOfBirth);
        Assert.True(result.Checks.DateOfBirth);
        Assert.Equal(MrzErrorCodes.DateOfBirthUnknown, Assert.Single(result.Warnings).Code);
    }

    [Theory]
    [InlineData('M', 'M')]
    [InlineData('F', 'F')]
    [InlineData('X', 'X')]
    [InlineData('<', 'X')]
    public void Sex_is_m_f_or_x(char field, char expected)
    {
        Assert.Equal(expected, MrzParser.Parse(RawTd3.Build(sex: field), Today).Sex);
    }

    [Theory]
    [InlineData('A')]
    [InlineData('0')]
    [InlineData('8')]
    public void Any_other_sex_is_an_error(char field)
    {
        var result = MrzParser.Parse(RawTd3.Build(sex: field), Today);

        Assert.Equal(MrzErrorCodes.InvalidSex, Assert.Single(result.Errors).Code);
        Assert.Null(result.Sex);
        Assert.Empty(result.Corrections);
    }

    [Theory]
    [InlineData("VAN<DER<BERG<<JAN<<<<<<<", "VAN DER BERG", "JAN", false)]
    [InlineData("ERIKSSON", "ERIKSSON", "", false)]
    [InlineData("ERIKSSON<<<ANNA", "ERIKSSON", "ANNA", false)]
    [InlineData("NILSSON<<ANNA<BRITT<KARIN<ELISABETH<EVA", "NILSSON", "ANNA BRITT KARIN ELISABETH EVA", true)]
    public void Names_are_split_and_truncation_is_noted(string field, string surname, string given, bool truncated)
    {
        var result = MrzParser.Parse(RawTd3.Build(name: field), Today);

        Assert.True(result.Valid);
        Assert.Equal(surname, result.Surname);
        Assert.Equal(given, result.GivenNames);
        Assert.Equal(truncated, result.NameTruncated);
    }

    [Theory]
    [InlineData("<ERIKSSON<<ANNA", 6)]
    [InlineData("ERIK5SON<<ANNA", 10)]
    public void A_malformed_name_is_an_error_naming_the_column(string field, int column)
    {
        var error = Assert.Single(MrzParser.Parse(RawTd3.Build(name: field), Today).Errors);

        Assert.Equal(MrzErrorCodes.InvalidName, error.Code);
        Assert.Contains($"line 1, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_codes_come_from_the_table_without_allocation()
    {
        var result = MrzParser.Parse(RawTd3.Build(issuer: "D<<", nationality: "CAN"), Today);

        Assert.Equal("D", result.IssuingState);
        Assert.Same(MrzCountryCodes.Find("CAN"), result.Nationality);
        Assert.Same(MrzCountryCodes.Find("D<<"), result.IssuingState);
    }

    [Fact]
    public void An_unknown_country_code_is_a_warning_not_an_error()
    {
        var result = MrzParser.Parse(RawTd3.Build(issuer: "ZZZ", nationality: "QQQ"), Today);

        Assert.True(result.Valid);
        Assert.Equal("ZZZ", result.IssuingState);
        Assert.Equal("QQQ", result.Nationality);
        Assert.Equal(
            [MrzErrorCodes.UnknownIssuingState, MrzErrorCodes.UnknownNationality],
            result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void The_country_table_holds_all_249_iso_codes_and_the_icao_codes()
    {
        Assert.Equal(249, MrzCountryCodes.Iso3166Alpha3.Distinct().Count());
        Assert.All(MrzCountryCodes.Iso3166Alpha3, c => Assert.Matches("^[A-Z]{3}$", c));
        string[] icao = ["D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "EUE",
            "XPO", "XOM", "XDC", "XES", "XMP", "XCC", "XCE", "XCO", "XEC", "XBA", "XIM", "RKS", "UTO"];
        Assert.All(icao, c => Assert.NotNull(MrzCountryCodes.Find(c)));
        Assert.Null(MrzCountryCodes.Find("AAA"));
        Assert.Null(MrzCountryCodes.Find("DE<"));
    }

    [Theory]
    [InlineData("I<")]
    [InlineData("<<")]
    public void A_passport_layout_with_another_document_code_is_an_error(string code)
    {
        var result = MrzParser.Parse(RawTd3.Build(code: code), Today);

        Assert.Equal(MrzErrorCodes.InvalidDocumentCode, Assert.Single(result.Errors).Code);
        Assert.Null(result.DocumentCode);
    }

    [Fact]
    public void An_empty_document_number_is_an_error()
    {
        var result = MrzParser.Parse(RawTd3.Build(number: ""), Today);

        Assert.Equal(MrzErrorCodes.InvalidField, Assert.Single(result.Errors).Code);
        Assert.False(result.Valid);
    }

    [Fact]
    public void An_empty_personal_number_has_no_check()
    {
        var result = MrzParser.Parse(RawTd3.Build(personal: ""), Today);

        Assert.True(result.Valid);
        Assert.Null(result.Checks.OptionalData);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void A_td1_overflow_marker_with_no_continuation_is_an_error()
    {
        var text = MrzSpecimenTests.Td1.Replace("D231458907<", "D23145890<<", StringComparison.Ordinal);

        var result = MrzParser.Parse(text, Today);

        Assert.Contains(result.Errors, e => e.Code == MrzErrorCodes.InvalidField);
        Assert.False(result.Checks.DocumentNumber);
        Assert.False(result.Valid);
    }
}
