using System.CommandLine;
using System.Globalization;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary><c>outbox retry ID | --dead-letter</c>: make a dead-letter or expired record (or every dead letter) pending again.</summary>
internal static class OutboxRetryCommand
{
    public static Command Create(TimeProvider time)
    {
        var command = new Command("retry", "Make one dead-letter or expired record, or every dead letter, pending again.");
        var location = new OutboxLocation();
        location.AddTo(command);
        var id = new Argument<string>("ID") { Description = "The record id (from 'outbox list').", Arity = ArgumentArity.ZeroOrOne };
        var deadLetters = new Option<bool>("--dead-letter") { Description = "Requeue every dead-letter record." };
        command.Arguments.Add(id);
        command.Options.Add(deadLetters);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var idText = parseResult.GetValue(id);
            var all = parseResult.GetValue(deadLetters);
            if ((idText is null) == !all)
            {
                error.WriteLine("Give exactly one of: a record ID, or --dead-letter.");
                return OutboxCommand.UsageError;
            }

            Guid recordId = default;
            if (idText is not null && !Guid.TryParse(idText, out recordId))
            {
                error.WriteLine($"'{idText}' is not a record id (expected a UUID as shown by 'outbox list').");
                return OutboxCommand.UsageError;
            }

            return OutboxCommandRunner.Run(parseResult, location, time, (inspector, output, errors) =>
            {
                var requeued = all ? inspector.RequeueDeadLetters() : inspector.Requeue(recordId);
                if (!all && requeued == 0)
                {
                    errors.WriteLine($"No dead-letter or expired record has id {recordId:D}; nothing requeued.");
                    return OutboxCommand.NothingDone;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requeued {requeued} record(s)"));
                return OutboxCommand.Ok;
            });
        });
        return command;
    }
}
