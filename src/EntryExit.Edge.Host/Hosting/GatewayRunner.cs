using EntryExit.Edge.Host.Cli;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>Opens the outbox, builds the host and runs it until stopped. Shared by <c>run</c> and <c>demo</c>.</summary>
internal static class GatewayRunner
{
    public static async Task<int> RunAsync(GatewaySettings settings, TimeProvider time, CliIO io, CancellationToken cancellationToken,
        GatewayRunHooks? hooks = null)
    {
        var configureLogging = hooks?.ConfigureLogging;
        var whileRunning = hooks?.WhileRunning;
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
            var readers = hooks?.Readers ?? ReaderFactory.Create(settings.Readers, time, loggers);
            using var hardware = BoothHardware.Open(settings.Gpio, hooks?.SimulatedBooth ?? SimulatedBooth.Default, time,
                loggers.CreateLogger<BoothHardware>());
            var parts = new GatewayParts(settings, outbox, readers, time, hardware);
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

            return Crashed(host) ? ExitCodes.Failed : code;
        }
    }

    // A pipeline loop that threw stops the host (BackgroundServiceExceptionBehavior.StopHost); exit non-zero so
    // systemd restarts the gateway.
    private static bool Crashed(IHost host) =>
        host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(s => s.ExecuteTask is { IsFaulted: true });

    private static bool IsConfigurationProblem(string code) => code is
        OutboxErrorCodes.KeyMissing or OutboxErrorCodes.KeyUnreadable or OutboxErrorCodes.KeyWrongSize or
        OutboxErrorCodes.KeyPermissions or OutboxErrorCodes.KeyMismatch or OutboxErrorCodes.SchemaTooNew;
}
