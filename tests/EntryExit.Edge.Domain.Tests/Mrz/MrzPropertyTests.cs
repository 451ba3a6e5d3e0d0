using System.Text;
using CsCheck;
using EntryExit.Edge.Domain.Mrz;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Mrz;

public sealed class MrzPropertyTests
{
    private const string MrzAlphabet = "<ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private enum Kind
    {
        /// <summary>Digits only: dates and check digits.</summary>
        Numeric,

        /// <summary>Letters, digits and fillers: document number, personal number, optional data.</summary>
        Alphanumeric,

        /// <summary>TD1/TD2 document-number check digit, where '&lt;' is also legal (overflow marker).</summary>
        OverflowCheck,
    }

    [Fact]
    public void Generated_documents_of_every_format_round_trip()
    {
        MrzGenerators.Document.Sample(document =>
        {
            var result = MrzParser.Parse(document.Text(), MrzGenerators.Today);

            Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Empty(result.Corrections);
            AssertSameData(document, result);
        }, iter: 5_000);
    }

    [Fact]
    public void Every_single_substitution_in_a_checked_field_is_detected_or_repaired_to_the_original()
    {
        MrzGenerators.Document.Sample(document =>
        {
            var lines = document.Lines();
            foreach (var (line, column, kind) in ProtectedPositions(document.Format))
            {
                var original = lines[line][column];
                foreach (var substitute in MrzAlphabet)
                {
                    if (substitute == original || IsBlindSpot(kind, original, substitute))
                    {
                        continue;
                    }

                    var changed = (string[])lines.Clone();
                    changed[line] = string.Concat(lines[line].AsSpan(0, column), substitute.ToString(), lines[line].AsSpan(column + 1));
                    var result = MrzParser.Parse(string.Join('\n', changed), MrzGenerators.Today);
                    if (result.Valid)
                    {
                        AssertSameData(document, result);
                    }

                    AssertNoMrzTextIn(result, document);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Substitutions_whose_values_differ_by_a_multiple_of_ten_are_invisible_to_the_7_3_1_check()
    {
        // The documented mathematical limit of Doc 9303's check digit: weights 7, 3 and 1 times a difference of
        // 10, 20 or 30 add nothing modulo 10. C (12) and M (22), 0 (0) and A (10) are such pairs.
        var lines = MrzSpecimenTests.Td3.Split('\n');
        var cToM = lines[0] + "\n" + lines[1].Replace("L898902C3", "L898902M3", StringComparison.Ordinal);
        var zeroToA = lines[0] + "\n" + lines[1].Replace("L898902C3", "L8989A2C3", StringComparison.Ordinal);

        var first = MrzParser.Parse(cToM, new DateOnly(2010, 1, 1));
        var second = MrzParser.Parse(zeroToA, new DateOnly(2010, 1, 1));

        Assert.True(first.Valid);
        Assert.Equal("L898902M3", first.DocumentNumber);
        Assert.True(second.Valid);
        Assert.Equal("L8989A2C3", second.DocumentNumber);
        Assert.True(IsBlindSpot(Kind.Alphanumeric, 'C', 'M'));
        Assert.False(IsBlindSpot(Kind.Numeric, '0', '<'));
    }

    [Fact]
    public void The_parser_never_throws_on_random_strings()
    {
        Gen.Char.Array[0, 700].Select(a => new string(a)).Sample(text => AssertWellFormed(MrzParser.Parse(text, MrzGenerators.Today)), iter: 40_000);
    }

    [Fact]
    public void The_parser_never_throws_on_random_mrz_shaped_text()
    {
        var noisyCharacter = Gen.Frequency(
            (20, Gen.Char[MrzAlphabet]),
            (1, Gen.Char["_ \tabcxyz\r\n@\u00E9\uD800\uDC00\0"]),
            (1, Gen.Char));
        var shaped = Gen.Select(Gen.OneOfConst((3, 30), (2, 36), (2, 44), (2, 30), (3, 44)), Gen.Int[0, 1_000_000])
            .SelectMany((shape, seed) => noisyCharacter.Array[shape.Item1 * shape.Item2].Select(chars =>
            {
                var builder = new StringBuilder();
                for (var i = 0; i < chars.Length; i++)
                {
                    builder.Append(i > 0 && i % shape.Item2 == 0 ? (seed % 2 == 0 ? "\n" : "\r\n") : string.Empty).Append(chars[i]);
                }

                return builder.ToString();
            }));
        shaped.Sample(text => AssertWellFormed(MrzParser.Parse(text, MrzGenerators.Today)), iter: 40_000);
    }

    [Fact]
    public void The_parser_never_throws_on_random_bytes_decoded()
    {
        Gen.Select(Gen.Byte.Array[0, 600], Gen.Bool).Sample((bytes, utf8) =>
        {
            var text = utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            AssertWellFormed(MrzParser.Parse(text, MrzGenerators.Today));
        }, iter: 40_000);
    }

    [Fact]
    public void The_parser_never_throws_for_any_today()
    {
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], Gen.Int[1, 28]).Sample((year, month, day) =>
        {
            var today = new DateOnly(year, month, day);
            AssertWellFormed(MrzParser.Parse(MrzSpecimenTests.Td3, today));
            AssertWellFormed(MrzParser.Parse(MrzSpecimenTests.Td1LongNumber, today));
        }, iter: 5_000);
    }

    private static void AssertWellFormed(MrzParseResult result)
    {
        Assert.NotNull(result);
        if (result.Format is null)
        {
            Assert.NotEmpty(result.Errors);
        }

        Assert.All(result.Errors, e => Assert.StartsWith("MRZ_", e.Code, StringComparison.Ordinal));
    }

    /// <summary>Privacy: messages name fields and positions, never the document's data.</summary>
    private static void AssertNoMrzTextIn(MrzParseResult result, MrzTestDocument document)
    {
        foreach (var finding in result.Errors.Concat(result.Warnings))
        {
            foreach (var secret in (ReadOnlySpan<string>)[document.Surname, document.DocumentNumber, document.OptionalData])
            {
                if (secret.Length >= 5)
                {
                    Assert.DoesNotContain(secret, finding.Message, StringComparison.Ordinal);
                }
            }
        }
    }

    private static bool IsBlindSpot(Kind kind, char original, char substitute) =>
        kind != Kind.Numeric
        && (MrzCheckDigit.Value(original) - MrzCheckDigit.Value(substitute)) % 10 == 0;

    private static void AssertSameData(MrzTestDocument document, MrzParseResult result)
    {
        Assert.Equal(document.Format, result.Format);
        Assert.Equal(document.DocumentCode.TrimEnd('<'), result.DocumentCode);
        Assert.Equal(document.IssuingState, result.IssuingState);
        Assert.Equal(document.ExpectedSurname, result.Surname);
        Assert.Equal(document.ExpectedGivenNames, result.GivenNames);
        Assert.Equal(document.ExpectedTruncated, result.NameTruncated);
        Assert.Equal(document.DocumentNumber, result.DocumentNumber);
        Assert.Equal(document.Nationality, result.Nationality);
        Assert.Equal(document.DateOfBirth, result.DateOfBirth);
        Assert.Equal(document.ExpectedSex, result.Sex);
        Assert.Equal(document.ExpiryDate, result.ExpiryDate);
        Assert.Equal(document.OptionalData, result.OptionalData);
        Assert.Equal(document.Format == MrzFormat.TD1 ? document.OptionalData2 : null, result.OptionalData2);
    }

    /// <summary>Every position covered by a check digit: (0-based line, 0-based column, kind).</summary>
    private static IEnumerable<(int Line, int Column, Kind Kind)> ProtectedPositions(MrzFormat format)
    {
        static IEnumerable<(int, int, Kind)> Range(int line, int start, int end, Kind kind)
        {
            for (var c = start; c < end; c++)
            {
                yield return (line, c, kind);
            }
        }

        return format switch
        {
            MrzFormat.TD1 => Range(0, 5, 14, Kind.Alphanumeric).Append((0, 14, Kind.OverflowCheck))
                .Concat(Range(0, 15, 30, Kind.Alphanumeric)).Concat(Range(1, 0, 7, Kind.Numeric))
                .Concat(Range(1, 8, 15, Kind.Numeric)).Concat(Range(1, 18, 29, Kind.Alphanumeric)).Append((1, 29, Kind.Numeric)),
            MrzFormat.TD2 => Range(1, 0, 9, Kind.Alphanumeric).Append((1, 9, Kind.OverflowCheck))
                .Concat(Range(1, 13, 20, Kind.Numeric)).Concat(Range(1, 21, 28, Kind.Numeric))
                .Concat(Range(1, 28, 35, Kind.Alphanumeric)).Append((1, 35, Kind.Numeric)),
            MrzFormat.TD3 => Range(1, 0, 9, Kind.Alphanumeric).Append((1, 9, Kind.Numeric))
                .Concat(Range(1, 13, 20, Kind.Numeric)).Concat(Range(1, 21, 28, Kind.Numeric))
                .Concat(Range(1, 28, 42, Kind.Alphanumeric)).Concat(Range(1, 42, 44, Kind.Numeric)),
            _ => Range(1, 0, 9, Kind.Alphanumeric).Append((1, 9, Kind.Numeric))
                .Concat(Range(1, 13, 20, Kind.Numeric)).Concat(Range(1, 21, 28, Kind.Numeric)),
        };
    }
}
