using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Domain.Eligibility;
using System.Text.RegularExpressions;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>Checks the <c>Gateway</c>, <c>Exchange</c> and <c>Readers</c> sections. Reports every problem at once.</summary>
internal static partial class GatewaySettingsValidator
{
    public static void Validate(GatewaySection gateway, ExchangeSection exchange, IReadOnlyList<ReaderSection> readers, List<ConfigProblem> problems)
    {
        // A JSON null binds as null even into a non-nullable string: treat it as missing, never crash on it.
        if (!IdPattern().IsMatch(gateway.Id ?? string.Empty))
        {
            problems.Add(new("Gateway:Id", "required: 1–64 letters, digits, '.', '-' or '_' (it becomes the MQTT client id)."));
        }

        if (gateway.EntryCountry is not ("CAN" or "USA"))
        {
            problems.Add(new("Gateway:EntryCountry", $"must be \"CAN\" or \"USA\" (whose entry the records are); got \"{gateway.EntryCountry}\"."));
        }

        if (!PortCodePattern().IsMatch(gateway.PortCode ?? string.Empty))
        {
            problems.Add(new("Gateway:PortCode", "required: 1–16 letters, digits or '-'."));
        }

        if (string.IsNullOrWhiteSpace(gateway.PortName) || gateway.PortName.Length > 100)
        {
            problems.Add(new("Gateway:PortName", "required: the port of entry's name, at most 100 characters."));
        }

        if (!string.IsNullOrWhiteSpace(gateway.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(gateway.TimeZone, out _))
        {
            problems.Add(new("Gateway:TimeZone", $"\"{gateway.TimeZone}\" is not a known time zone; use an IANA name such as \"America/Vancouver\", or leave it out to use the machine's zone."));
        }

        if (!WireNames.TryParseMode(exchange.Mode, out _))
        {
            problems.Add(new("Exchange:Mode", $"must be \"phase-ii\" or \"all-travellers\"; got \"{exchange.Mode}\"."));
        }

        ValidateReaders(readers, problems);
    }

    private static void ValidateReaders(IReadOnlyList<ReaderSection> readers, List<ConfigProblem> problems)
    {
        if (readers.Count == 0)
        {
            problems.Add(new("Readers", "at least one document reader is required, e.g. [{ \"Id\": \"lane1\", \"Lane\": \"1\", \"Kind\": \"file\", \"Path\": \"/run/entryexit/lane1.fifo\" }]."));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < readers.Count; i++)
        {
            var r = readers[i];
            var key = $"Readers:{i}";
            if (!IdPattern().IsMatch(r.Id ?? string.Empty))
            {
                problems.Add(new($"{key}:Id", "required: 1–64 letters, digits, '.', '-' or '_'."));
            }
            else if (!ids.Add(r.Id!))
            {
                problems.Add(new($"{key}:Id", $"\"{r.Id}\" is used by another reader; reader ids must be unique."));
            }

            if (string.IsNullOrWhiteSpace(r.Lane) || r.Lane.Length > 16)
            {
                problems.Add(new($"{key}:Lane", "required: the lane this reader serves, at most 16 characters."));
            }

            if (!ReaderKinds.IsKnown(r.Kind))
            {
                problems.Add(new($"{key}:Kind", $"must be one of {ReaderKinds.Describe()}; got \"{r.Kind}\"."));
            }

            if (string.IsNullOrWhiteSpace(r.Path))
            {
                problems.Add(new($"{key}:Path", "required: the device or file path (\"-\" reads standard input)."));
            }

            if (!ReaderFramings.TryParse(r.Framing, r.Kind, out var framing))
            {
                problems.Add(new($"{key}:Framing", $"must be one of {ReaderFramings.Describe()}; got \"{r.Framing}\"."));
            }
            else if (r.IdleGapMilliseconds is not null && framing is not (FramingKind.Lines or FramingKind.IdleTimeout))
            {
                problems.Add(new($"{key}:IdleGapMilliseconds", "applies to the \"lines\" and \"idle-timeout\" framings only (the other framings mark a document's end); remove it."));
            }
            else if (r.IdleGapMilliseconds is < 20 or > 10_000)
            {
                problems.Add(new($"{key}:IdleGapMilliseconds", $"must be between 20 and 10000 ms; got {r.IdleGapMilliseconds}."));
            }

            if (r.BaudRate is < 1200 or > 921_600)
            {
                problems.Add(new($"{key}:BaudRate", $"must be a serial speed between 1200 and 921600 baud; got {r.BaudRate}."));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9-]{1,16}$")]
    private static partial Regex PortCodePattern();
}
