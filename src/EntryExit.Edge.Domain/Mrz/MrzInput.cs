using System.Buffers;
using System.Globalization;
using System.Text;

namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Input hygiene: turns what a reader sends into bare MRZ lines stored back to back. Accepts CR, LF and CRLF,
/// blank lines (skipped), trailing spaces and tabs, '_' as the filler and lowercase letters; anything else is an
/// invalid character reported by line and column and as a code point, never as text.</summary>
internal static class MrzInput
{
    /// <summary>How many line lengths are remembered for the "unknown format" message.</summary>
    public const int RememberedLines = 8;

    private static readonly SearchValues<char> MrzCharacters = SearchValues.Create("<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>The longest MRZ (3 × 30 or 2 × 44 characters) fits; text beyond it is still checked and measured but
    /// not copied, since no layout can use it.</summary>
    public const int BufferLength = 96;

    /// <summary>Normalises <paramref name="text"/> into <paramref name="output"/> (<see cref="BufferLength"/> long).</summary>
    /// <returns>Null on success, otherwise the invalid-character error.</returns>
    public static MrzError? Normalise(
        ReadOnlySpan<char> text, Span<char> output, Span<int> lineLengths, out int lineCount, out int written)
    {
        lineCount = 0;
        written = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var rest = text[start..];
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            line = line.TrimEnd(" \t");
            if (!line.IsEmpty)
            {
                lineCount++;
                if (!line.ContainsAnyExcept(MrzCharacters))
                {
                    // The usual case: already clean, so a vectorised check and copy replace the per-character loop.
                    if (written < output.Length)
                    {
                        line[..Math.Min(line.Length, output.Length - written)].CopyTo(output[written..]);
                    }

                    written += line.Length;
                }
                else
                {
                    written = NormaliseSlowly(line, output, written, lineCount, out var error);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                if (lineCount <= RememberedLines)
                {
                    lineLengths[lineCount - 1] = line.Length;
                }
            }

            if (end < 0)
            {
                break;
            }

            start += end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        }

        return null;
    }

    private static int NormaliseSlowly(ReadOnlySpan<char> line, Span<char> output, int written, int lineCount, out MrzError? error)
    {
        error = null;
        for (var i = 0; i < line.Length; i++)
        {
            var normalised = Normalise(line[i]);
            if (normalised == '\0')
            {
                error = InvalidCharacter(line, i, lineCount);
                return written;
            }

            if (written < output.Length)
            {
                output[written] = normalised;
            }

            written++;
        }

        return written;
    }

    private static char Normalise(char c) => c switch
    {
        >= 'A' and <= 'Z' or >= '0' and <= '9' or '<' => c,
        >= 'a' and <= 'z' => (char)(c - 'a' + 'A'),
        '_' => '<',
        _ => '\0',
    };

    private static MrzError InvalidCharacter(ReadOnlySpan<char> line, int index, int lineNumber)
    {
        // A valid surrogate pair is one character to the technician: report its scalar value.
        var codePoint = Rune.DecodeFromUtf16(line[index..], out var rune, out _) == OperationStatus.Done ? rune.Value : line[index];
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Line {lineNumber}, column {index + 1} holds U+{codePoint:X4}, which is not an MRZ character (A-Z, 0-9, '<'). Clean the reader window and rescan the document.");
        return new MrzError(MrzErrorCodes.InvalidCharacter, message);
    }
}
