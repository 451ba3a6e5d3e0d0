namespace EntryExit.Edge.Domain.Mrz;

/// <summary>YYMMDD fields with the century resolved against "today" (see <see cref="MrzParser"/> for the windows).</summary>
internal static class MrzDates
{
    public enum Outcome
    {
        Date,
        Unknown,
        Invalid,
    }

    /// <summary>Birth date: the latest century that does not put it after today. Doc 9303 allows fillers for an
    /// unknown day ("YYMM&lt;&lt;"), unknown month and day ("YY&lt;&lt;&lt;&lt;") or a wholly unknown date: those are
    /// <see cref="Outcome.Unknown"/>.</summary>
    public static Outcome ReadBirth(ReadOnlySpan<char> field, DateOnly today, out DateOnly date)
    {
        date = default;
        if (IsFillers(field))
        {
            return Outcome.Unknown;
        }

        if (!IsDigits(field[..2]))
        {
            return Outcome.Invalid;
        }

        if (IsFillers(field[2..]))
        {
            return Outcome.Unknown;
        }

        if (IsDigits(field[2..4]) && IsFillers(field[4..]))
        {
            return Pair(field, 2) is >= 1 and <= 12 ? Outcome.Unknown : Outcome.Invalid;
        }

        if (!IsDigits(field))
        {
            return Outcome.Invalid;
        }

        var (month, day) = (Pair(field, 2), Pair(field, 4));
        var year = (today.Year / 100 * 100) + Pair(field, 0);
        if (year > today.Year || (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day))))
        {
            year -= 100;
        }

        return TryMake(year, month, day, out date) ? Outcome.Date : Outcome.Invalid;
    }

    /// <summary>Expiry date: the century that puts the year in (today − 80 years, today + 20 years].</summary>
    public static Outcome ReadExpiry(ReadOnlySpan<char> field, DateOnly today, out DateOnly date)
    {
        date = default;
        if (!IsDigits(field))
        {
            return Outcome.Invalid;
        }

        var year = (today.Year / 100 * 100) + Pair(field, 0);
        if (year > today.Year + 20)
        {
            year -= 100;
        }
        else if (year <= today.Year - 80)
        {
            year += 100;
        }

        return TryMake(year, Pair(field, 2), Pair(field, 4), out date) ? Outcome.Date : Outcome.Invalid;
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Pair(ReadOnlySpan<char> field, int at) => ((field[at] - '0') * 10) + (field[at + 1] - '0');

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsFillers(ReadOnlySpan<char> s) => !s.ContainsAnyExcept('<');
}
