using System.Globalization;

namespace EntryExit.Edge.Chaos.Faults;

/// <summary>
/// Moves the gateway's wall clock without touching the machine's: libfaketime (Debian package <c>faketime</c>) is
/// preloaded into the gateway process and reads its offset from a file the runner rewrites. The monotonic clock is
/// left alone (<c>FAKETIME_DONT_FAKE_MONOTONIC=1</c>), as an NTP step or a manual <c>date -s</c> leaves it: timers
/// and timeouts keep running, <c>DateTime.UtcNow</c> and <c>TimeProvider.GetUtcNow()</c> jump.
/// </summary>
internal sealed class ClockControl
{
    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
        "/usr/local/lib/faketime/libfaketime.so.1",
    ];

    private readonly string _library;
    private readonly string _offsetFile;

    private ClockControl(string library, string offsetFile)
    {
        _library = library;
        _offsetFile = offsetFile;
        SetOffset(TimeSpan.Zero);
    }

    /// <summary>The gateway's clock minus the real clock.</summary>
    public TimeSpan Offset { get; private set; }

    /// <summary>libfaketime is installed, or null.</summary>
    public static string? Library => Candidates.FirstOrDefault(File.Exists);

    public static ClockControl? TryCreate(string directory) =>
        Library is { } library ? new ClockControl(library, Path.Combine(directory, "faketime-offset")) : null;

    /// <summary>The environment that makes a process follow <see cref="Offset"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = _library,
        ["FAKETIME_TIMESTAMP_FILE"] = _offsetFile,
        // Re-read the file when a cached read is over a second old (counted in whole seconds: a jump shows within about
        // two seconds; the runner allows ten), without a file read per clock call.
        ["FAKETIME_CACHE_DURATION"] = "1",
        ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",
        ["DONT_FAKE_MONOTONIC"] = "1",
    };

    /// <summary>Steps the gateway's clock to real time + <paramref name="offset"/> (atomically: write, then rename).</summary>
    public void SetOffset(TimeSpan offset)
    {
        var seconds = (long)offset.TotalSeconds;
        var spec = seconds >= 0 ? "+" + seconds.ToString(CultureInfo.InvariantCulture) : seconds.ToString(CultureInfo.InvariantCulture);
        var temporary = _offsetFile + ".new";
        File.WriteAllText(temporary, spec + "\n");
        File.Move(temporary, _offsetFile, overwrite: true);
        Offset = TimeSpan.FromSeconds(seconds);
    }

    public static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + (Math.Abs(offset.TotalHours) >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Abs(offset.TotalHours)}h{Math.Abs(offset.Minutes):00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Abs(offset.TotalMinutes)}m"));
}
