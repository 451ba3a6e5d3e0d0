using System.CommandLine;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary>
/// <c>entryexit-edge outbox status|list|retry|purge</c>: the technician's view of the outbox. Works on clear
/// columns only (ids, states, times, attempts, errors), so it never needs the key and never prints personal data.
/// Exit codes: 0 done, 1 nothing to do or the outbox refused, 2 usage or configuration problem.
/// </summary>
public static class OutboxCommand
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the command ran but found nothing to act on.</summary>
    public const int NothingDone = 1;

    /// <summary>Exit code for usage and configuration problems.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the <c>outbox</c> command with its subcommands, using the system clock.</summary>
    public static Command Create() => Create(TimeProvider.System);

    /// <summary>Builds the <c>outbox</c> command with its subcommands.</summary>
    /// <param name="time">The clock used for ages and requeue times.</param>
    internal static Command Create(TimeProvider time)
    {
        var command = new Command("outbox", "Inspect and repair the store-and-forward outbox (never shows personal data).");
        command.Subcommands.Add(OutboxStatusCommand.Create(time));
        command.Subcommands.Add(OutboxListCommand.Create(time));
        command.Subcommands.Add(OutboxRetryCommand.Create(time));
        command.Subcommands.Add(OutboxPurgeCommand.Create(time));
        return command;
    }
}
