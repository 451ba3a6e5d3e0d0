using System.Text;

namespace EntryExit.Edge.Host.Cli.Mrz;

/// <summary>Splits text into documents: runs of non-blank lines separated by one or more blank lines.</summary>
internal static class MrzDocumentSplitter
{
    // A document longer than this cannot be an MRZ; keep only a prefix so one giant input cannot exhaust memory.
    // The parser rejects anything above its own limit, so the prefix still yields MRZ_TOO_LONG.
    private const int MaxKeptChars = 4096;

    public static IEnumerable<string> Split(TextReader reader)
    {
        var current = new StringBuilder();
        var lines = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (lines > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                    lines = 0;
                }

                continue;
            }

            if (lines > 0 && current.Length < MaxKeptChars)
            {
                current.Append('\n');
            }

            if (current.Length < MaxKeptChars)
            {
                current.Append(line.AsSpan(0, Math.Min(line.Length, MaxKeptChars - current.Length + 1)));
            }

            lines++;
        }

        if (lines > 0)
        {
            yield return current.ToString();
        }
    }
}
