namespace EntryExit.Edge.Devices.Framing;

/// <summary>
/// The bounded buffer every decoder shares: the current line (at most <c>maxLineLength</c> characters) and the
/// completed lines of the current frame (at most <c>maxLines</c>). Control bytes are dropped; bytes above
/// 0x7F become <c>'?'</c> so a garbled character stays visible to the parser instead of shifting the line.
/// </summary>
internal sealed class LineAccumulator
{
    private readonly char[] _line;
    private readonly int _maxLines;
    private readonly List<string> _lines = [];
    private int _length;
    private bool _overflowed;

    public LineAccumulator(int maxLineLength, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        _line = new char[maxLineLength];
        _maxLines = maxLines;
    }

    public long Discarded { get; set; }

    public int LineCount => _lines.Count;

    public bool HasPartialLine => _length > 0 || _overflowed;

    public bool IsEmpty => _lines.Count == 0 && !HasPartialLine;

    /// <summary>True when the line being built starts with <paramref name="value"/>.</summary>
    public bool PartialLineStartsWith(char value) => _length > 0 && _line[0] == value;

    public bool IsFull => _lines.Count >= _maxLines;

    /// <summary>Characters held, for the boundedness tests.</summary>
    public int BufferedChars => _length + _lines.Sum(l => l.Length);

    /// <summary>True when the current line grew past the limit (it will be dropped when it ends).</summary>
    public bool LineOverflowed => _overflowed;

    public void Append(byte value, char? replaceUnderscoreWith = null)
    {
        if (_overflowed || value < 0x20 || value == 0x7F)
        {
            Discarded++;
            return;
        }

        if (_length == _line.Length)
        {
            _overflowed = true;
            Discarded += _length + 1;
            _length = 0;
            return;
        }

        var c = value < 0x80 ? (char)value : '?';
        if (c == '_' && replaceUnderscoreWith is { } replacement)
        {
            c = replacement;
        }

        _line[_length++] = c;
    }

    /// <summary>Ends the current line. Returns false (and keeps nothing) for an empty or oversized line unless <paramref name="keepEmpty"/>.</summary>
    public bool EndLine(bool keepEmpty = false)
    {
        if (_overflowed)
        {
            _overflowed = false;
            _length = 0;
            return false;
        }

        if (_length == 0 && !keepEmpty)
        {
            return false;
        }

        if (IsFull)
        {
            Discarded += _length;
            _length = 0;
            return false;
        }

        _lines.Add(new string(_line, 0, _length));
        _length = 0;
        return true;
    }

    /// <summary>Emits the completed lines (minus leading empty ones when asked) as one frame and clears.</summary>
    public void EmitFrame(ICollection<string> frames, bool skipLeadingEmpty = false)
    {
        var start = 0;
        if (skipLeadingEmpty)
        {
            while (start < _lines.Count && _lines[start].Length == 0)
            {
                start++;
            }
        }

        if (start < _lines.Count)
        {
            frames.Add(string.Join('\n', _lines.Skip(start)));
        }

        _lines.Clear();
    }

    public void Clear()
    {
        Discarded += BufferedChars;
        _lines.Clear();
        _length = 0;
        _overflowed = false;
    }
}
