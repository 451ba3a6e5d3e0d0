using System.CommandLine;
using System.Globalization;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary><c>outbox purge --delivered | --expired</c>: delete delivered audit stubs, or expired records for good.</summary>
internal static class OutboxPurgeCommand
{
    public static Command Create(TimeProvider time)
    {
        var command = new Command("purge", "Delete delivered audit stubs (--delivered) or expired records (--expired).");
        var location = new OutboxLocation();
        location.AddTo(command);
        var delivered = new Option<bool>("--delivered") { Description = "Delete the audit stubs of delivered records." };
        var expired = new Option<bool>("--expired") { Description = "Delete expired records, bodies included: they will never be sent." };
        command.Options.Add(delivered);
        command.Options.Add(expired);
        command.SetAction(parseResult =>
        {
            var purgeDelivered = parseResult.GetValue(delivered);
            if (purgeDelivered == parseResult.GetValue(expired))
            {
                parseResult.InvocationConfiguration.Error.WriteLine("Give exactly one of --delivered or --expired.");
                return OutboxCommand.UsageError;
            }

            var target = purgeDelivered ? PurgeTarget.Delivered : PurgeTarget.Expired;
            return OutboxCommandRunner.Run(parseResult, location, time, (inspector, output, _) =>
            {
                var purged = inspector.Purge(target);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"purged {purged} {(purgeDelivered ? "delivered audit stub(s)" : "expired record(s)")}"));
                return OutboxCommand.Ok;
            });
        });
        return command;
    }
}
