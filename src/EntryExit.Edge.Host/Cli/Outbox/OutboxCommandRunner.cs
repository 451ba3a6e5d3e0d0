using System.CommandLine;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary>Resolves the outbox, opens it without the key, runs the work and maps faults to exit codes.</summary>
internal static class OutboxCommandRunner
{
    public static int Run(ParseResult parseResult, OutboxLocation location, TimeProvider time,
        Func<OutboxInspector, TextWriter, TextWriter, int> work)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!location.TryResolve(parseResult, out var path, out var problem))
        {
            error.WriteLine(problem);
            return OutboxCommand.UsageError;
        }

        try
        {
            using var inspector = OutboxInspector.Open(path, time);
            return work(inspector, output, error);
        }
        catch (OutboxException ex)
        {
            error.WriteLine(ex.Message);
            return OutboxCommand.UsageError;
        }
    }

    /// <summary>Parses a state name as printed by <c>list</c> ("pending", "delivered", "dead-letter", "expired").</summary>
    public static bool TryParseState(string text, out OutboxState state)
    {
        foreach (var candidate in Enum.GetValues<OutboxState>())
        {
            if (string.Equals(StateName(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>The wire/CLI name of a state.</summary>
    public static string StateName(OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Delivered => "delivered",
        OutboxState.DeadLetter => "dead-letter",
        OutboxState.Expired => "expired",
        _ => "unknown",
    };
}
