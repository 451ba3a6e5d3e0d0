using System.CommandLine;
using System.Globalization;

namespace EntryExit.Edge.Host.Cli;

/// <summary>Options shared by several commands, built fresh for each command (an option belongs to one parent).</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON object per document, one per line, instead of a readable table.",
    };

    /// <summary>The local date used to resolve two-digit years; defaults to today's date on this machine.</summary>
    public static Option<DateOnly?> Today() => new("--today")
    {
        Description = "The date to resolve MRZ years against (YYYY-MM-DD); defaults to today.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"--today must be a date as YYYY-MM-DD, for example 2026-11-28; got '{text}'.");
            return null;
        },
    };

    public static DateOnly TodayOrNow(DateOnly? today, TimeProvider time) =>
        today ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
