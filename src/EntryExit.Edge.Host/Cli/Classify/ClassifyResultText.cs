using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Domain.Mrz;
using EntryExit.Edge.Host.Cli.Mrz;

namespace EntryExit.Edge.Host.Cli.Classify;

/// <summary>The readable form of a classification: decision first, then why.</summary>
internal static class ClassifyResultText
{
    public static void Write(TextWriter o, int index, MrzParseResult document, EligibilityResult verdict)
    {
        var format = document.Format is { } f ? MrzResultJson.FormatName(f) : "not an MRZ";
        o.WriteLine($"Document {index} ({format}): {WireNames.ToWire(verdict.Decision).ToUpperInvariant()}  [{WireNames.ToWire(verdict.Category)}]");
        o.WriteLine($"  Rule    {verdict.Rule}");
        o.WriteLine($"  Reason  {verdict.Reason}");
        foreach (var e in document.Errors)
        {
            o.WriteLine($"  Error   {e.Code}: {e.Message}");
        }

        o.WriteLine();
    }
}
