using System.CommandLine;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Host.Cli.Mrz;

/// <summary><c>entryexit-edge mrz parse [--json] [--today YYYY-MM-DD]</c>: parse MRZ text from standard input.</summary>
internal static class MrzCommand
{
    public static Command Create(CliIO io, TimeProvider time)
    {
        var json = CommonOptions.Json();
        var today = CommonOptions.Today();
        var parse = new Command("parse", "Parse MRZ text read on standard input. Separate documents with a blank line. " +
                                         "Exit code 0 when every document is valid, 1 when any is not, 2 on usage errors.");
        parse.Options.Add(json);
        parse.Options.Add(today);
        parse.SetAction(result => Run(io, result.GetValue(json), CommonOptions.TodayOrNow(result.GetValue(today), time)));

        var mrz = new Command("mrz", "Work with machine-readable zones (ICAO Doc 9303).");
        mrz.Subcommands.Add(parse);
        return mrz;
    }

    private static int Run(CliIO io, bool json, DateOnly today)
    {
        var index = 0;
        var allValid = true;
        foreach (var text in MrzDocumentSplitter.Split(io.In))
        {
            var result = MrzParser.Parse(text, today);
            allValid &= result.Valid;
            index++;
            if (json)
            {
                JsonLines.Write(io.Out, w => MrzResultJson.Write(w, result));
            }
            else
            {
                MrzResultText.Write(io.Out, index, result);
            }
        }

        if (index == 0)
        {
            io.Error.WriteLine("No MRZ text on standard input. Pipe a document in, e.g. `entryexit-edge mrz parse < scan.txt`.");
            return ExitCodes.Failed;
        }

        return allValid ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
