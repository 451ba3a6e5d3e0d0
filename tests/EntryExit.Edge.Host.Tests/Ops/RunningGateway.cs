using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>The gateway host built as <c>run</c> builds it, with test overrides for its services.</summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    private readonly IHost _host;

    private RunningGateway(IHost host, SqliteOutbox outbox)
    {
        _host = host;
        Outbox = outbox;
    }

    public SqliteOutbox Outbox { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<RunningGateway> StartAsync(Configuration.GatewaySettings settings, Action<IServiceCollection> services, CancellationToken ct)
    {
        var outbox = await SqliteOutbox.OpenAsync(OutboxSettings.ToOptions(settings, _ => null), TimeProvider.System, NullLogger<SqliteOutbox>.Instance, ct);
        var readers = ReaderFactory.Create(settings.Readers, TimeProvider.System, NullLoggerFactory.Instance);
        var host = GatewayHostFactory.Build(new GatewayParts(settings, outbox, readers, TimeProvider.System), b => b.ClearProviders(), services);
        await host.StartAsync(ct);
        return new RunningGateway(host, outbox);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await Outbox.DisposeAsync();
    }
}
