using System.Text.RegularExpressions;

namespace EntryExit.Edge.Chaos.Gateway;

/// <summary>One line of the gateway's console log (the simple console format, one line per event).</summary>
/// <param name="Instance">Which gateway process (1, 2, …) wrote it.</param>
/// <param name="At">Runner's <see cref="System.Diagnostics.Stopwatch"/> timestamp when the line arrived.</param>
/// <param name="Level">trce, dbug, info, warn, fail or crit; empty for lines that are no log event.</param>
/// <param name="EventId">The event id, or 0.</param>
/// <param name="Message">The text after the category.</param>
internal sealed partial record GatewayEvent(int Instance, long At, string Level, int EventId, string Message)
{
    /// <summary>Pipeline event: a record durably stored (or a duplicate of a recent one).</summary>
    public const int Stored = 1103;

    /// <summary>Pipeline event: an eligible record refused by the outbox (full disk, cap).</summary>
    public const int Rejected = 1104;

    /// <summary>Pipeline event: a scan's processing failed unexpectedly.</summary>
    public const int ProcessingFailed = 1110;

    /// <summary>Reader event: connected to its device.</summary>
    public const int ReaderConnected = 2001;

    /// <summary>Outbox event: opened.</summary>
    public const int OutboxOpened = 3001;

    /// <summary>Outbox event: failed its integrity check, moved aside, a fresh one started.</summary>
    public const int OutboxMovedAside = 3002;

    /// <summary>Outbox event: accepts records again after a refusal.</summary>
    public const int OutboxRecovered = 3004;

    /// <summary>Transport event: connected to the broker.</summary>
    public const int MqttConnected = 4002;

    public static GatewayEvent Parse(int instance, long at, string line)
    {
        var match = LinePattern().Match(line);
        if (!match.Success)
        {
            return new GatewayEvent(instance, at, "", 0, line);
        }

        return new GatewayEvent(instance, at, match.Groups["lvl"].Value, int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["msg"].Value);
    }

    /// <summary>For <see cref="Stored"/>: the lane, the record id and whether it was a duplicate of a recent scan.</summary>
    public (string Lane, Guid RecordId, bool Duplicate)? AsStored()
    {
        if (EventId != Stored)
        {
            return null;
        }

        var match = StoredPattern().Match(Message);
        return match.Success
            ? (match.Groups["lane"].Value, Guid.Parse(match.Groups["id"].Value), match.Groups["dup"].Value == "True")
            : null;
    }

    /// <summary>For <see cref="Rejected"/>: the lane and the outbox's error code.</summary>
    public (string Lane, string Code)? AsRejected()
    {
        if (EventId != Rejected)
        {
            return null;
        }

        var match = RejectedPattern().Match(Message);
        return match.Success ? (match.Groups["lane"].Value, match.Groups["code"].Value) : null;
    }

    [GeneratedRegex(@"^(?:\d\d:\d\d:\d\d )?(?<lvl>trce|dbug|info|warn|fail|crit): [^\[\s]+\[(?<id>\d+)\] ?(?<msg>.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^Lane (?<lane>\S+): \S+ record (?<id>[0-9a-fA-F-]{36}) stored \(duplicate of a recent scan: (?<dup>True|False)\)")]
    private static partial Regex StoredPattern();

    [GeneratedRegex(@"^Lane (?<lane>\S+): eligible record NOT stored \((?<code>[^)]+)\)")]
    private static partial Regex RejectedPattern();
}
