using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary><c>outbox status [--json]</c>: counts by state, age of the oldest pending record, file size.</summary>
internal static class OutboxStatusCommand
{
    public static Command Create(TimeProvider time)
    {
        var command = new Command("status", "Counts by state, age of the oldest pending record and file size.");
        var location = new OutboxLocation();
        location.AddTo(command);
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        command.Options.Add(json);
        command.SetAction(parseResult => OutboxCommandRunner.Run(parseResult, location, time, (inspector, output, _) =>
        {
            var status = inspector.GetStatus();
            if (parseResult.GetValue(json))
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("pending", status.Pending);
                    writer.WriteNumber("deadLetter", status.DeadLetter);
                    writer.WriteNumber("expired", status.Expired);
                    writer.WriteNumber("delivered", status.Delivered);
                    if (status.OldestPendingAge is { } age)
                    {
                        writer.WriteNumber("oldestPendingAgeSeconds", Math.Round(age.TotalSeconds));
                    }
                    else
                    {
                        writer.WriteNull("oldestPendingAgeSeconds");
                    }

                    writer.WriteNumber("fileSizeBytes", status.FileSizeBytes);
                    writer.WriteNumber("walSizeBytes", status.WalSizeBytes);
                    writer.WriteEndObject();
                }

                output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
                return OutboxCommand.Ok;
            }

            var culture = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(culture, $"pending:        {status.Pending}"));
            output.WriteLine(string.Create(culture, $"dead-letter:    {status.DeadLetter}"));
            output.WriteLine(string.Create(culture, $"expired:        {status.Expired}"));
            output.WriteLine(string.Create(culture, $"delivered:      {status.Delivered} (audit stubs)"));
            output.WriteLine("oldest pending: " + (status.OldestPendingAge is { } oldest ? FormatAge(oldest) : "none"));
            output.WriteLine(string.Create(culture, $"file size:      {status.FileSizeBytes} bytes (+ WAL {status.WalSizeBytes} bytes)"));
            return OutboxCommand.Ok;
        }));
        return command;
    }

    private static string FormatAge(TimeSpan age) => age.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d {age.Hours}h {age.Minutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{age.Hours}h {age.Minutes}m {age.Seconds}s");
}
