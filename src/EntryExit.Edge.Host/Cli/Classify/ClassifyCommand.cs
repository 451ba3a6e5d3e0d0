using System.CommandLine;
using System.Globalization;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;
using EntryExit.Edge.Domain.Records;
using EntryExit.Edge.Host.Cli.Mrz;

namespace EntryExit.Edge.Host.Cli.Classify;

/// <summary><c>entryexit-edge classify</c>: parse each document on standard input and apply the eligibility policy.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliIO io, TimeProvider time)
    {
        var json = CommonOptions.Json();
        var today = CommonOptions.Today();
        var declared = new Option<DeclaredStatus>("--declared-status")
        {
            Description = "The officer-declared status: none, canadian-citizen, us-citizen, registered-indian, protected-person, " +
                          "canadian-permanent-resident or us-permanent-resident.",
            DefaultValueFactory = _ => DeclaredStatus.None,
            CustomParser = r => Parse<DeclaredStatus>(r, WireNames.TryParseDeclaredStatus, "--declared-status", "none, canadian-citizen, us-citizen, registered-indian, protected-person, canadian-permanent-resident, us-permanent-resident"),
        };
        var mode = new Option<ExchangeMode>("--mode")
        {
            Description = "The exchange mode: phase-ii (default) or all-travellers.",
            DefaultValueFactory = _ => ExchangeMode.PhaseII,
            CustomParser = r => Parse<ExchangeMode>(r, WireNames.TryParseMode, "--mode", "phase-ii, all-travellers"),
        };
        var shareProtected = new Option<bool>("--share-protected-groups")
        {
            Description = "Under all-travellers, send Registered Indians and protected persons too (off by default: unconfirmed policy).",
        };
        var entryCountry = new Option<string>("--entry-country")
        {
            Description = "Whose entry: CAN (default) or USA.",
            DefaultValueFactory = _ => "CAN",
            CustomParser = r => Parse<string>(r, TryParseEntryCountry, "--entry-country", "CAN, USA"),
        };
        var portCode = new Option<string>("--port-code") { Description = "Port-of-entry code for the record.", DefaultValueFactory = _ => "DEMO" };
        var portName = new Option<string>("--port-name") { Description = "Port-of-entry name for the record.", DefaultValueFactory = _ => "Demonstration port" };
        var lane = new Option<string>("--lane") { Description = "Lane for the record.", DefaultValueFactory = _ => "1" };
        var entryTime = new Option<DateTimeOffset?>("--entry-time")
        {
            Description = "Entry time for the record (ISO 8601 with offset, e.g. 2026-11-28T09:15:00-08:00); defaults to now.",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                {
                    return t;
                }

                r.AddError($"--entry-time must be an ISO 8601 time with an offset, e.g. 2026-11-28T09:15:00-08:00; got '{text}'.");
                return null;
            },
        };

        var command = new Command("classify", "Parse MRZ documents on standard input (blank-line separated) and decide for each: " +
                                              "send, exclude or hold, with the rule that fired.");
        foreach (var option in new Option[] { json, declared, mode, shareProtected, today, entryCountry, portCode, portName, lane, entryTime })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var now = result.GetValue(entryTime) ?? time.GetLocalNow();
            var settings = new ClassifySettings(
                result.GetValue(json),
                result.GetValue(declared),
                new PolicyOptions(result.GetValue(mode), result.GetValue(shareProtected)),
                CommonOptions.TodayOrNow(result.GetValue(today), time),
                result.GetValue(entryCountry)!,
                result.GetValue(portCode)!,
                result.GetValue(portName)!,
                result.GetValue(lane)!,
                now);
            return Run(io, settings);
        });
        return command;
    }

    private static int Run(CliIO io, ClassifySettings s)
    {
        var index = 0;
        foreach (var text in MrzDocumentSplitter.Split(io.In))
        {
            index++;
            var document = MrzParser.Parse(text, s.Today);
            var verdict = EligibilityPolicy.Evaluate(document, s.Declared, s.Policy);
            EntryRecord? record = null;
            if (verdict.Decision == Decision.Send)
            {
                record = EntryRecordFactory.Create(document, verdict, new EntryContext
                {
                    RecordId = Guid.CreateVersion7(s.EntryTime),
                    EntryCountry = s.EntryCountry,
                    PortCode = s.PortCode,
                    PortName = s.PortName,
                    Lane = s.Lane,
                    EntryTime = s.EntryTime,
                    LocalUtcOffset = s.EntryTime.Offset,
                });
            }

            if (s.Json)
            {
                JsonLines.Write(io.Out, w => ClassifyResultJson.Write(w, verdict, record));
            }
            else
            {
                ClassifyResultText.Write(io.Out, index, document, verdict);
            }
        }

        if (index == 0)
        {
            io.Error.WriteLine("No MRZ text on standard input. Pipe documents in, e.g. `entryexit-edge classify < samples/documents.txt`.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static bool TryParseEntryCountry(string? text, out string country)
    {
        country = text?.ToUpperInvariant() ?? string.Empty;
        return country is "CAN" or "USA";
    }

    private delegate bool TryParse<T>(string? text, out T value);

    private static T Parse<T>(System.CommandLine.Parsing.ArgumentResult r, TryParse<T> tryParse, string name, string allowed)
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
        if (tryParse(text, out var value))
        {
            return value;
        }

        r.AddError($"{name} must be one of: {allowed}; got '{text}'.");
        return default!;
    }

    private sealed record ClassifySettings(
        bool Json, DeclaredStatus Declared, PolicyOptions Policy, DateOnly Today,
        string EntryCountry, string PortCode, string PortName, string Lane, DateTimeOffset EntryTime);
}
