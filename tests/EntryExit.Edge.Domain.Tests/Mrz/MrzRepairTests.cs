using EntryExit.Edge.Domain.Mrz;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Mrz;

/// <summary>OCR repair on the Doc 9303 TD3 specimen, whose line 2 is
/// L898902C36UTO7408122F1204159ZE184226B&lt;&lt;&lt;&lt;&lt;10 (birth date in columns 14–19, its check in 20).</summary>
public sealed class MrzRepairTests
{
    private static readonly DateOnly Today = new(2010, 1, 1);
    private static readonly string Specimen = MrzSpecimenTests.Td3;

    [Fact]
    public void A_letter_o_in_the_birth_date_is_repaired_to_zero()
    {
        var result = MrzParser.Parse(RawTd3.Replace(Specimen, 2, 16, 'O'), Today);

        Assert.True(result.Valid);
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth);
        Assert.Equal([new MrzCorrection(2, 16, 'O', '0')], result.Corrections);
    }

    [Fact]
    public void Several_letters_in_numeric_positions_are_repaired_together()
    {
        var text = RawTd3.Replace(Specimen, 2, 16, 'D');
        text = RawTd3.Replace(text, 2, 17, 'B');
        text = RawTd3.Replace(text, 2, 20, 'Z');
        text = RawTd3.Replace(text, 2, 10, 'G');
        text = RawTd3.Replace(text, 2, 22, 'I');
        text = RawTd3.Replace(text, 2, 44, 'Q');

        var result = MrzParser.Parse(text, Today);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(
            [
                new MrzCorrection(2, 10, 'G', '6'), new MrzCorrection(2, 16, 'D', '0'), new MrzCorrection(2, 17, 'B', '8'),
                new MrzCorrection(2, 20, 'Z', '2'), new MrzCorrection(2, 22, 'I', '1'), new MrzCorrection(2, 44, 'Q', '0'),
            ],
            result.Corrections);
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal("L898902C3", result.DocumentNumber);
    }

    [Fact]
    public void A_repair_that_leaves_a_check_failing_is_not_applied()
    {
        var text = RawTd3.Replace(Specimen, 2, 16, 'O');
        text = RawTd3.Replace(text, 2, 3, '7'); // a real misread in the document number: no repair can fix it

        var result = MrzParser.Parse(text, Today);

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Null(result.DateOfBirth);
        Assert.Contains(result.Errors, e => e.Code == MrzErrorCodes.InvalidDate && e.Message.Contains("line 2, column 16", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == MrzErrorCodes.CheckDigit && e.Message.Contains("document number", StringComparison.Ordinal));
    }

    [Fact]
    public void A_letter_with_no_digit_reading_in_a_numeric_position_is_an_error_naming_its_position()
    {
        var result = MrzParser.Parse(RawTd3.Replace(Specimen, 2, 16, 'X'), Today);

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        var error = Assert.Single(result.Errors, e => e.Code == MrzErrorCodes.InvalidDate);
        Assert.Contains("line 2, column 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_in_a_check_digit_position_that_cannot_be_repaired_is_not_numeric()
    {
        var result = MrzParser.Parse(RawTd3.Replace(Specimen, 2, 20, 'X'), Today);

        var error = Assert.Single(result.Errors, e => e.Code == MrzErrorCodes.CheckDigitNotNumeric);
        Assert.Contains("date of birth check digit (line 2, column 20)", error.Message, StringComparison.Ordinal);
        Assert.False(result.Checks.Composite); // the composite covers that position too
    }

    [Fact]
    public void The_document_number_is_never_repaired()
    {
        // L898902C3 read as L8989O2C3: O could be a real letter there, so the check failure stands.
        var result = MrzParser.Parse(RawTd3.Replace(Specimen, 2, 6, 'O'), Today);

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.False(result.Checks.DocumentNumber);
        Assert.Equal(
            "The document number check digit (line 2, column 10) does not match; rescan the document.",
            Assert.Single(result.Errors, e => e.Message.Contains("document number", StringComparison.Ordinal)).Message);
        Assert.All(result.Errors, e => Assert.DoesNotContain("L898", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_check_digit_is_reported_by_field_and_position()
    {
        var result = MrzParser.Parse(RawTd3.Replace(Specimen, 2, 28, '8'), Today);

        Assert.False(result.Valid);
        Assert.False(result.Checks.ExpiryDate);
        Assert.False(result.Checks.Composite);
        Assert.Contains(result.Errors, e => e.Message == "The date of expiry check digit (line 2, column 28) does not match; rescan the document.");
        Assert.Contains(result.Errors, e => e.Message == "The composite check digit (line 2, column 44) does not match; rescan the document.");
    }

    [Fact]
    public void A_digit_in_a_country_code_is_repaired_when_one_reading_is_a_known_code()
    {
        var text = RawTd3.Replace(Specimen, 1, 5, '0');
        text = RawTd3.Replace(text, 2, 16, 'O');

        var result = MrzParser.Parse(text, Today);

        Assert.True(result.Valid);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal([new MrzCorrection(1, 5, '0', 'O'), new MrzCorrection(2, 16, 'O', '0')], result.Corrections);
    }

    [Fact]
    public void A_digit_in_a_country_code_with_two_known_readings_is_an_ambiguous_repair()
    {
        // GB0 reads as GBD (British Overseas Territories Citizen) or GBO (British Overseas Citizen).
        var result = MrzParser.Parse(RawTd3.Build(nationality: "GB0"), Today);

        Assert.False(result.Valid);
        Assert.Null(result.Nationality);
        Assert.Empty(result.Corrections);
        var error = Assert.Single(result.Errors);
        Assert.Equal(MrzErrorCodes.AmbiguousRepair, error.Code);
        Assert.Contains("nationality (line 2, column 11)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digit_in_a_country_code_with_no_known_reading_is_an_error()
    {
        var result = MrzParser.Parse(RawTd3.Build(issuer: "U7O"), Today);

        Assert.Equal(MrzErrorCodes.InvalidField, Assert.Single(result.Errors).Code);
        Assert.Null(result.IssuingState);
    }

    [Fact]
    public void A_digit_as_the_first_document_code_letter_is_repaired_when_only_one_reading_fits_the_layout()
    {
        // TD1 allows A, C or I: '1' may be I or L, and only I fits.
        var text = "1" + MrzSpecimenTests.Td1[1..];

        var result = MrzParser.Parse(text, Today);

        Assert.True(result.Valid);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal([new MrzCorrection(1, 1, '1', 'I')], result.Corrections);
    }

    [Fact]
    public void A_td1_composite_letter_is_repaired()
    {
        var text = MrzSpecimenTests.Td1.Replace("<<6\n", "<<G\n", StringComparison.Ordinal);

        var result = MrzParser.Parse(text, Today);

        Assert.True(result.Valid);
        Assert.Equal([new MrzCorrection(2, 30, 'G', '6')], result.Corrections);
    }

    [Fact]
    public void An_o_in_the_td1_number_check_is_repaired_when_the_overflow_reading_fails()
    {
        // D23145893 has check digit 0; with no optional data a '<' there could not start an overflow.
        var lines = MrzSpecimenTests.Generated(MrzFormat.TD1, "D23145893", optional: "").Lines();
        Assert.Equal('0', lines[0][14]);
        lines[0] = lines[0][..14] + "O" + lines[0][15..];

        var result = MrzParser.Parse(string.Join('\n', lines), Today);

        Assert.True(result.Valid);
        Assert.Equal("D23145893", result.DocumentNumber);
        Assert.Equal([new MrzCorrection(1, 15, 'O', '0')], result.Corrections);
    }

    [Fact]
    public void An_o_in_the_td1_number_check_is_ambiguous_when_the_overflow_reading_also_passes()
    {
        // D23145893734 overflows; its nine-character head has check digit 0, which weighs the same as the '<'
        // overflow marker in the composite, so an O read there could be either.
        var lines = MrzSpecimenTests.Generated(MrzFormat.TD1, "D23145893734", optional: "").Lines();
        Assert.Equal('<', lines[0][14]);
        lines[0] = lines[0][..14] + "O" + lines[0][15..];

        var result = MrzParser.Parse(string.Join('\n', lines), Today);

        Assert.False(result.Valid);
        Assert.Empty(result.Corrections);
        Assert.Contains(result.Errors, e => e.Code == MrzErrorCodes.AmbiguousRepair && e.Message.Contains("line 1, column 15", StringComparison.Ordinal));
    }
}
