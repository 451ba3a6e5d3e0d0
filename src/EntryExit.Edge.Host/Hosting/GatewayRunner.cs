using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>Opens the outbox, builds the host and runs it until stopped. Shared by <c>run</c> and <c>demo</c>.</summary>
internal static class GatewayRunner
{
    public static async Task<int> RunAsync(GatewaySettings settings, TimeProvider time, CliIO io, CancellationToken cancellationToken,
        Func<GatewayParts, IHost, CancellationToken, Task<int>>? whileRunning = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        using var loggers = LoggerFactory.Create(b =>
        {
            b.AddSimpleConsole(o => o.SingleLine = true);
            configureLogging?.Invoke(b);
        });
        SqliteOutbox outbox;
        try
        {
            outbox = await SqliteOutbox.OpenAsync(OutboxSettings.ToOptions(settings, Environment.GetEnvironmentVariable), time,
                loggers.CreateLogger<SqliteOutbox>(), cancellationToken);
        }
        catch (OutboxException e)
        {
            // Key and schema problems are configuration: restarting cannot fix them. Anything else may be transient.
            await io.Error.WriteLineAsync($"The outbox cannot be opened ({e.Code}): {e.Message}");
            return IsConfigurationProblem(e.Code) ? ExitCodes.Usage : ExitCodes.Failed;
        }

        await using (outbox)
        {
            var parts = new GatewayParts(settings, outbox, ReaderFactory.Create(settings.Readers, time, loggers), time);
            using var host = GatewayHostFactory.Build(parts, configureLogging);
            await host.StartAsync(cancellationToken);
            var code = ExitCodes.Ok;
            if (whileRunning is not null)
            {
                code = await whileRunning(parts, host, cancellationToken);
                await host.StopAsync(CancellationToken.None);
            }
            else
            {
                await host.WaitForShutdownAsync(cancellationToken);
            }

            return Environment.ExitCode != 0 ? Environment.ExitCode : code;
        }
    }

    private static bool IsConfigurationProblem(string code) => code is
        OutboxErrorCodes.KeyMissing or OutboxErrorCodes.KeyUnreadable or OutboxErrorCodes.KeyWrongSize or
        OutboxErrorCodes.KeyPermissions or OutboxErrorCodes.KeyMismatch or OutboxErrorCodes.SchemaTooNew;
}
