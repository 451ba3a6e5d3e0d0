namespace EntryExit.Edge.Chaos.Report;

/// <summary>No traveller's document number or MRZ line may appear in any line the gateway logged during the run.</summary>
internal static class PrivacyScan
{
    public static void Check(RunEvidence run, List<string> problems)
    {
        var personal = run.Travellers.SelectMany(t => t.Document.Prepend(t.DocumentNumber)).Where(p => p.Length >= 6).ToHashSet(StringComparer.Ordinal);
        var leaks = 0;
        foreach (var file in run.GatewayLogs)
        {
            foreach (var line in File.ReadLines(file))
            {
                // Document numbers are 9 characters of A–Z and 0–9: look only at such tokens, then at MRZ-like lines.
                foreach (var token in line.Split([' ', '(', ')', ',', ';', ':', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (personal.Contains(token) || (token.Contains('<', StringComparison.Ordinal) && token.Length >= 30))
                    {
                        leaks++;
                        if (leaks <= 5)
                        {
                            problems.Add($"PRIVACY: {Path.GetFileName(file)} logged a traveller's document number or MRZ line");
                        }
                    }
                }
            }
        }

        if (leaks > 5)
        {
            problems.Add($"PRIVACY: {leaks} log tokens in all carried document numbers or MRZ lines");
        }
    }
}
