using EntryExit.Edge.Domain.Mrz;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Mrz;

public sealed class MrzInputHygieneTests
{
    private static readonly DateOnly Today = MrzSpecimenTests.Today;

    public static TheoryData<string> AcceptedVariants()
    {
        var lines = MrzSpecimenTests.Td3.Split('\n');
        return
        [
            lines[0] + "\r\n" + lines[1],
            lines[0] + "\r" + lines[1],
            lines[0] + "\n" + lines[1] + "\n",
            "\n\r\n  \n" + lines[0] + "\n" + lines[1] + "\n\n\t\n",
            lines[0] + "   \t\n" + lines[1] + " ",
            lines[0].Replace('<', '_') + "\n" + lines[1].Replace('<', '_'),
            lines[0].ToLowerInvariant() + "\n" + lines[1].ToLowerInvariant(),
        ];
    }

    [Theory]
    [MemberData(nameof(AcceptedVariants))]
    public void What_readers_really_send_is_normalised(string text)
    {
        var result = MrzParser.Parse(text, Today);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal("L898902C3", result.DocumentNumber);
    }

    [Theory]
    [InlineData('@', "U+0040")]
    [InlineData(' ', "U+0020")]
    [InlineData('\u00E9', "U+00E9")]
    [InlineData('\0', "U+0000")]
    [InlineData('\uD800', "U+D800")]
    public void An_invalid_character_is_named_by_position_and_code_point_only(char bad, string codePoint)
    {
        var lines = MrzSpecimenTests.Td3.Split('\n');
        var line2 = string.Concat(lines[1].AsSpan(0, 6), bad.ToString(), lines[1].AsSpan(7));
        var result = MrzParser.Parse(lines[0] + "\n" + line2, Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal(MrzErrorCodes.InvalidCharacter, error.Code);
        Assert.Contains("Line 2, column 7", error.Message, StringComparison.Ordinal);
        Assert.Contains(codePoint, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("L898902", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Format);
        Assert.False(result.Valid);
    }

    [Fact]
    public void A_surrogate_pair_is_reported_as_one_code_point()
    {
        var result = MrzParser.Parse("P<UTO\U0001F600", Today);

        Assert.Contains("U+1F600", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\r\n\t")]
    public void Nothing_at_all_is_empty(string? text)
    {
        var result = MrzParser.Parse(text, Today);

        Assert.Equal(MrzErrorCodes.Empty, Assert.Single(result.Errors).Code);
        Assert.False(result.Valid);
    }

    [Fact]
    public void Ten_megabytes_are_rejected_as_too_long_before_any_other_work()
    {
        var huge = new string('@', 10 * 1024 * 1024);

        var result = MrzParser.Parse(huge, Today);

        Assert.Equal(MrzErrorCodes.TooLong, Assert.Single(result.Errors).Code);
        Assert.Null(result.Format);
    }

    [Fact]
    public void One_character_over_the_limit_is_too_long_and_the_limit_itself_is_not()
    {
        Assert.Equal(MrzErrorCodes.TooLong, MrzParser.Parse(new string('<', MrzParser.MaxInputLength + 1), Today).Errors[0].Code);
        Assert.Equal(MrzErrorCodes.UnknownFormat, MrzParser.Parse(new string('<', MrzParser.MaxInputLength), Today).Errors[0].Code);
    }

    [Fact]
    public void A_wrong_shape_says_what_was_seen_and_what_is_expected()
    {
        var lines = MrzSpecimenTests.Td1.Split('\n');
        var result = MrzParser.Parse(lines[0] + "\n" + lines[1] + "\n" + lines[2][..29], Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal(MrzErrorCodes.UnknownFormat, error.Code);
        Assert.Contains("3 lines of 30, 30, 29 characters; expected", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Format);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(12)]
    public void Any_other_line_count_is_an_unknown_format(int lineCount)
    {
        var text = string.Join('\n', Enumerable.Repeat(new string('<', 30), lineCount));

        var error = Assert.Single(MrzParser.Parse(text, Today).Errors);

        Assert.Equal(MrzErrorCodes.UnknownFormat, error.Code);
        Assert.StartsWith($"Got {lineCount} line", error.Message, StringComparison.Ordinal);
    }
}
