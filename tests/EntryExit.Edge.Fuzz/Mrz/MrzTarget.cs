using System.Runtime.InteropServices;
using CsCheck;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Fuzz.Mrz;

/// <summary>
/// <c>MrzParser.Parse</c> on near-valid MRZs: a valid document of any layout with 0 to 12 edits (substitutions,
/// insertions, deletions, truncation, lines duplicated, dropped or swapped, line endings, lowercase, padding,
/// repeats past the 512-character limit, a second document appended; characters from the MRZ alphabet, OCR
/// look-alikes, control bytes, non-ASCII and lone surrogates), plus random text and random lines of MRZ shape.
/// Properties: never throws; <see cref="MrzOracle"/>; and CRLF for LF or lowercase for uppercase changes nothing.
/// </summary>
public sealed class MrzTarget : FuzzTarget<string>
{
    private const int MaxText = 4096;

    private static readonly Gen<int> MutationCount = Gen.Frequency(
        (15, Gen.Const(0)), (40, Gen.Const(1)), (25, Gen.Int[2, 3]), (20, Gen.Int[4, 12]));

    private static readonly Gen<string> Mutated = Gen.Select(
        MrzSeed.Lines, MrzSeed.Lines, MutationCount.SelectMany(n => MrzMutation.Gen.Array[n, n]),
        (lines, other, edits) =>
        {
            var text = string.Join('\n', lines);
            var second = string.Join('\n', other);
            foreach (var edit in edits)
            {
                // Repeats compound: cap the text well past the engine's 512-character limit, far below what would
                // make building the input (not parsing it) the cost.
                text = edit.Apply(text, second);
                text = text.Length > MaxText ? text[..MaxText] : text;
            }

            return text;
        });

    private static readonly Gen<string> ShapedNoise = Gen.Select(
        Gen.OneOfConst((3, 30), (2, 36), (2, 44)),
        Cheap.Chars(Gen.Const(132), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<"),
        (shape, chars) => string.Join('\n', Enumerable.Range(0, shape.Item1).Select(i => chars.Substring(i * shape.Item2 % 90, shape.Item2))));

    private static readonly Gen<string> Noise = Gen.Frequency(
        (1, Gen.String[Gen.Char, 0, 160]),
        (3, Cheap.Chars(Gen.Int[0, 160], "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<\n\r _abcxyz\t\u0000\u0002é\uD800😀")));

    /// <inheritdoc/>
    public override string Name => "mrz";

    /// <inheritdoc/>
    public override string Description => "MrzParser.Parse: near-valid MRZs of every layout with edits; check digits of valid results, no MRZ text in messages";

    /// <inheritdoc/>
    public override Gen<string> Generator { get; } = Gen.Frequency(
        (80, Mutated), (8, ShapedNoise), (7, Noise), (2, Gen.OneOfConst("", " ", "\n", "\r\n\r\n", "\t", "<")));

    /// <inheritdoc/>
    public override void Check(string input)
    {
        var result = MrzParser.Parse(input, MrzSeed.Today);
        MrzOracle.Verify(input, result);

        // Metamorphic: the documented input hygiene makes these rewrites invisible to the result.
        if (!input.Contains('\r', StringComparison.Ordinal) && input.Length * 2 <= MrzParser.MaxInputLength)
        {
            Same(result, MrzParser.Parse(input.Replace("\n", "\r\n", StringComparison.Ordinal), MrzSeed.Today), "CRLF instead of LF");
        }

        if (result.Format is not null && input.Length <= MrzParser.MaxInputLength)
        {
            Same(result, MrzParser.Parse(input.ToLowerInvariant(), MrzSeed.Today), "lowercase");
        }
    }

    /// <inheritdoc/>
    public override byte[] ToCorpus(string input) => MemoryMarshal.AsBytes(input.AsSpan()).ToArray(); // UTF-16: keeps lone surrogates

    /// <inheritdoc/>
    public override string FromCorpus(byte[] corpusEntry) => new(MemoryMarshal.Cast<byte, char>(corpusEntry));

    private static void Same(MrzParseResult a, MrzParseResult b, string rewrite)
    {
        Property.Holds(
            a.Valid == b.Valid && a.Format == b.Format && a.DocumentNumber == b.DocumentNumber && a.Surname == b.Surname
            && a.Errors.Select(e => e.Code).SequenceEqual(b.Errors.Select(e => e.Code))
            && a.Corrections.Count == b.Corrections.Count,
            $"{rewrite} changed the result");
    }
}
