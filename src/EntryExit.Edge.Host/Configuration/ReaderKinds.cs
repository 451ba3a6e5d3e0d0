namespace EntryExit.Edge.Host.Configuration;

/// <summary>The reader kinds a configuration may name.</summary>
internal static class ReaderKinds
{
    /// <summary>A line-framed reader on a file path, a FIFO or standard input ("-").</summary>
    public const string File = "file";

    /// <summary>A serial document reader (USB CDC/FTDI or RS-232) through System.IO.Ports.</summary>
    public const string Serial = "serial";

    private static readonly string[] Known = [File, Serial];

    public static bool IsKnown(string? kind) => kind is not null && Array.IndexOf(Known, kind) >= 0;

    public static string Describe() => string.Join(", ", Known.Select(k => $"\"{k}\""));
}
