namespace EntryExit.Edge.Domain.Mrz;

/// <summary>The name field: primary and secondary identifiers separated by "&lt;&lt;", components by one '&lt;'.</summary>
internal static class MrzNames
{
    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("<ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Splits the field. Returns -1 on success, otherwise the index in the field of the first offending
    /// character (a leading filler, or anything but A–Z and the filler).</summary>
    public static int Decode(ReadOnlySpan<char> field, out string? surname, out string? givenNames, out bool truncated)
    {
        surname = null;
        givenNames = null;
        truncated = false;
        if (field[0] == '<')
        {
            return 0;
        }

        var bad = field.IndexOfAnyExcept(NameCharacters);
        if (bad >= 0)
        {
            return bad;
        }

        // Filled to the last position: the issuer may have cut the name to fit (Doc 9303 Part 3, truncation).
        truncated = field[^1] != '<';
        var name = field.TrimEnd('<');
        var separator = name.IndexOf("<<");
        surname = Join(separator < 0 ? name : name[..separator]);
        givenNames = separator < 0 ? string.Empty : Join(name[(separator + 2)..]);
        return -1;
    }

    /// <summary>Components joined by single spaces: leading fillers dropped, each run of fillers one space.</summary>
    private static string Join(ReadOnlySpan<char> part)
    {
        part = part.Trim('<');
        if (part.IsEmpty)
        {
            return string.Empty;
        }

        if (!part.Contains("<<", StringComparison.Ordinal))
        {
            // The usual case, single fillers only: one vectorised replace.
            return string.Create(part.Length, part, static (text, source) => source.Replace(text, '<', ' '));
        }

        Span<char> buffer = stackalloc char[part.Length];
        var length = 0;
        var previousWasFiller = false;
        foreach (var c in part)
        {
            if (c == '<')
            {
                if (!previousWasFiller)
                {
                    buffer[length++] = ' ';
                }

                previousWasFiller = true;
            }
            else
            {
                buffer[length++] = c;
                previousWasFiller = false;
            }
        }

        return new string(buffer[..length]);
    }
}
