using System.Text;
using CsCheck;

namespace EntryExit.Edge.Fuzz.Mrz;

/// <summary>One edit to an MRZ text. Positions are fractions of the text (0..1000 ‰) so an edit applies to any length.</summary>
/// <param name="Kind">What the edit does.</param>
/// <param name="Where">Where, in ‰ of the current text.</param>
/// <param name="Size">How many characters or repeats.</param>
/// <param name="Pool">Which characters an inserted or substituted character comes from.</param>
/// <param name="Pick">Which character of the pool.</param>
public readonly record struct MrzMutation(MrzMutation.Edit Kind, int Where, int Size, int Pool, int Pick)
{
    /// <summary>The kinds of edit.</summary>
    public enum Edit
    {
        Substitute,
        Insert,
        Delete,
        Truncate,
        DuplicateLine,
        DropLine,
        SwapLines,
        LineEnding,
        Lowercase,
        Pad,
        Repeat,
        AppendDocument,
    }

    // Character pools: the MRZ alphabet, OCR look-alikes, accepted variants (lowercase, '_', trailing blanks),
    // control bytes (framing bytes, NUL, DEL), line breaks, and non-ASCII (Latin-1, fullwidth and Arabic-Indic
    // digits that char.IsDigit accepts, zero-width and BOM, a surrogate pair and lone surrogates).
    private static readonly string[] Pools =
    [
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<",
        "OQDILZSGB0125681<",
        "abcdefghijklmnopqrstuvwxyz_ \t",
        "\0\u0001\u0002\u0003\u0004\u0007\b\u000B\u000C\u001B\u007F",
        "\r\n",
        "éÄß\u00A0\u00BF\u2028\u200B\uFEFF\uFFFD\uFF10\uFF30\u0660\u0661\u06F5\u0966\u2070\u00B2\uD800\uDC00",
        "😀",
        "#@!?*-.,/:;=[]{}\"'\\`~^%$&()+|",
    ];

    /// <summary>Mutations, weighted toward the small edits a reader's OCR makes.</summary>
    public static readonly Gen<MrzMutation> Gen = CsCheck.Gen.Select(
        CsCheck.Gen.Frequency(
            (30, CsCheck.Gen.Const(Edit.Substitute)),
            (12, CsCheck.Gen.Const(Edit.Insert)),
            (12, CsCheck.Gen.Const(Edit.Delete)),
            (6, CsCheck.Gen.Const(Edit.Truncate)),
            (4, CsCheck.Gen.Const(Edit.DuplicateLine)),
            (4, CsCheck.Gen.Const(Edit.DropLine)),
            (3, CsCheck.Gen.Const(Edit.SwapLines)),
            (8, CsCheck.Gen.Const(Edit.LineEnding)),
            (4, CsCheck.Gen.Const(Edit.Lowercase)),
            (5, CsCheck.Gen.Const(Edit.Pad)),
            (3, CsCheck.Gen.Const(Edit.Repeat)),
            (3, CsCheck.Gen.Const(Edit.AppendDocument))),
        CsCheck.Gen.Int[0, 1000],
        CsCheck.Gen.Frequency((8, CsCheck.Gen.Int[1, 3]), (2, CsCheck.Gen.Int[4, 40]), (1, CsCheck.Gen.Int[41, 700])),
        CsCheck.Gen.Frequency((10, CsCheck.Gen.Const(0)), (8, CsCheck.Gen.Const(1)), (4, CsCheck.Gen.Const(2)), (3, CsCheck.Gen.Const(3)),
            (3, CsCheck.Gen.Const(4)), (3, CsCheck.Gen.Const(5)), (1, CsCheck.Gen.Const(6)), (2, CsCheck.Gen.Const(7))),
        CsCheck.Gen.Int[0, 1000],
        (kind, where, size, pool, pick) => new MrzMutation(kind, where, size, pool, pick));

    /// <summary>Applies the edit to <paramref name="text"/>; <paramref name="other"/> is a second document for appends.</summary>
    public string Apply(string text, string other)
    {
        var at = text.Length == 0 ? 0 : (int)((long)Where * text.Length / 1001);
        var pool = Pools[Pool];
        var c = pool[Pick % pool.Length];
        switch (Kind)
        {
            case Edit.Substitute when text.Length > 0:
                return text[..at] + (Pool == 6 ? pool : c.ToString()) + text[(at + 1)..];
            case Edit.Insert:
                return text[..at] + (Pool == 6 ? pool : new string(c, Math.Min(Size, 3))) + text[at..];
            case Edit.Delete when text.Length > 0:
                return text[..at] + text[Math.Min(text.Length, at + Size)..];
            case Edit.Truncate:
                return text[..at];
            case Edit.DuplicateLine or Edit.DropLine or Edit.SwapLines:
                return EditLines(text);
            case Edit.LineEnding:
                return text.Replace("\n", Size switch
                {
                    1 => "\r\n",
                    2 => "\r",
                    3 => "\n\n",
                    4 => " \t\n",
                    5 => "\n\r",
                    _ => "\u0085",
                }, StringComparison.Ordinal);
            case Edit.Lowercase:
                return text[..at] + text[at..Math.Min(text.Length, at + Size)].ToLowerInvariant() + text[Math.Min(text.Length, at + Size)..];
            case Edit.Pad:
                return (Size % 2 == 0 ? "\n \n" : string.Empty) + text + new string(Size % 3 == 0 ? ' ' : '\n', Math.Min(Size, 20));
            case Edit.Repeat:
            {
                // Around and far beyond the engine's 512-character limit.
                var builder = new StringBuilder();
                for (var i = 0; i < Math.Min(Size, 200) && builder.Length < 8192; i++)
                {
                    builder.Append(text).Append('\n');
                }

                return builder.ToString();
            }

            case Edit.AppendDocument:
                return text + (Size % 2 == 0 ? "\n" : "\n\n") + other;
            default:
                return text;
        }
    }

    private string EditLines(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0)
        {
            return text;
        }

        var i = Where % lines.Length;
        var list = lines.ToList();
        switch (Kind)
        {
            case Edit.DuplicateLine:
                list.Insert(i, lines[i]);
                break;
            case Edit.DropLine:
                list.RemoveAt(i);
                break;
            default:
                var j = Pick % lines.Length;
                (list[i], list[j]) = (list[j], list[i]);
                break;
        }

        return string.Join('\n', list);
    }
}
