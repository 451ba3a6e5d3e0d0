using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Host.Cli.Run;

/// <summary>Prints configuration problems the way a technician reads them: one per line, key path first.</summary>
internal static class ConfigReport
{
    public static async Task WriteAsync(TextWriter error, string configPath, IReadOnlyList<ConfigProblem> problems)
    {
        await error.WriteLineAsync($"The configuration in {configPath} has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"  {problem.Key}: {problem.Message}");
        }

        await error.WriteLineAsync("Fix them and start again (environment variables ENTRYEXIT_Section__Key override the file).");
    }
}
