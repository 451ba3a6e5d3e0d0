using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary><c>outbox list [--state STATE] [--limit N] [--json]</c>: ids, states, times, attempts, last error.</summary>
internal static class OutboxListCommand
{
    public static Command Create(TimeProvider time)
    {
        var command = new Command("list", "List records (ids, states, times, attempts, last error), oldest first.");
        var location = new OutboxLocation();
        location.AddTo(command);
        var stateOption = new Option<string>("--state") { Description = "Only this state: pending, delivered, dead-letter or expired." };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (default 1000).", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        command.Options.Add(stateOption);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            OutboxState? state = null;
            if (parseResult.GetValue(stateOption) is { } text)
            {
                if (!OutboxCommandRunner.TryParseState(text, out var parsed))
                {
                    parseResult.InvocationConfiguration.Error.WriteLine(
                        $"Unknown state '{text}'. Use pending, delivered, dead-letter or expired.");
                    return OutboxCommand.UsageError;
                }

                state = parsed;
            }

            return OutboxCommandRunner.Run(parseResult, location, time, (inspector, output, _) =>
            {
                var entries = inspector.List(state, Math.Max(1, parseResult.GetValue(limit)));
                output.WriteLine(parseResult.GetValue(json) ? Json(entries) : Table(entries));
                return OutboxCommand.Ok;
            });
        });
        return command;
    }

    private static string Table(IReadOnlyList<OutboxListEntry> entries)
    {
        var text = new StringBuilder();
        text.AppendLine("record id                             state        created (UTC)         updated (UTC)         attempts  last error");
        foreach (var e in entries)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.RecordId:D}  {OutboxCommandRunner.StateName(e.State),-11}  {e.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}   {e.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}   {e.Attempts,8}  {e.LastError}"));
        }

        text.Append(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} record(s)"));
        return text.ToString();
    }

    private static string Json(IReadOnlyList<OutboxListEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var e in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("recordId", e.RecordId);
                writer.WriteNumber("sequence", e.Sequence);
                writer.WriteString("state", OutboxCommandRunner.StateName(e.State));
                writer.WriteString("createdAt", e.CreatedAt);
                writer.WriteString("updatedAt", e.UpdatedAt);
                writer.WriteString("nextAttemptAt", e.NextAttemptAt);
                writer.WriteNumber("attempts", e.Attempts);
                writer.WriteString("lastError", e.LastError);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
