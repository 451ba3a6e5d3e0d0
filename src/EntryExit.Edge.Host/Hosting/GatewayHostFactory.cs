using EntryExit.Edge.Devices.Booth;
using EntryExit.Edge.Domain.Eligibility;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Ops;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>Composes the gateway: readers → MRZ engine → eligibility → outbox → MQTT, as hosted services.</summary>
public static class GatewayHostFactory
{
    /// <summary>How long a graceful stop may take; systemd's TimeoutStopSec is 30 s.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>Builds the host. The caller owns <see cref="GatewayParts.Outbox"/> and disposes it after the host.</summary>
    /// <param name="parts">What the host is built from.</param>
    /// <param name="configureLogging">Adjusts logging (the demo keeps the console for its summary).</param>
    /// <param name="configureServices">Last say over the services (tests replace the systemd notifier or the socket path).</param>
    public static IHost Build(GatewayParts parts, Action<ILoggingBuilder>? configureLogging = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var settings = parts.Settings;
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "entryexit-edge" });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddSystemd(); // under systemd: READY/STOPPING notifications and journald-formatted logs
        configureLogging?.Invoke(builder.Logging);
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = ShutdownTimeout;
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });

        var services = builder.Services;
        services.AddSingleton(parts.Time);
        services.AddSingleton(settings);
        services.AddSingleton(parts.Outbox);
        services.AddSingleton(Port(settings.Gateway));
        services.AddSingleton(Policy(settings.Exchange));
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<TransportMetrics>();
        services.AddSingleton<ReaderStateBoard>();
        services.AddSingleton(parts.Hardware ?? BoothHardware.None); // owned by the caller, like the outbox
        var heartbeats = new PipelineHeartbeats(parts.Time);
        services.AddSingleton(heartbeats);
        IReadOnlyList<Devices.Readers.IDocumentReader> readers = [.. parts.Readers.Select(r => new HeartbeatDocumentReader(r, heartbeats))];
        services.AddSingleton<IEnumerable<Devices.Readers.IDocumentReader>>(readers);
        services.AddSingleton(settings.Mqtt);
        services.AddSingleton(new GatewayIdentity(settings.Gateway.Id, settings.Gateway.EntryCountry, settings.Gateway.PortCode, VersionInfo.Version));
        services.AddSingleton(sp =>
        {
            var link = new MqttConnectionSupervisor(
                settings.Mqtt,
                sp.GetRequiredService<GatewayIdentity>(),
                parts.Time,
                sp.GetRequiredService<ILogger<MqttConnectionSupervisor>>(),
                sp.GetRequiredService<TransportMetrics>(),
                HealthProvider(parts.Outbox, sp.GetRequiredService<ReaderStateBoard>()));
            link.StateChanged += (_, state) => heartbeats.LinkChanged(state);
            return link;
        });
        services.AddSingleton<IDeliveryQueue>(new HeartbeatDeliveryQueue(new OutboxDeliveryAdapter(parts.Outbox), heartbeats));
        services.AddSingleton<DeliveryPump>();
        services.AddSingleton(sp =>
        {
            var processor = new ScanProcessor(parts.Outbox, sp.GetRequiredService<PortIdentity>(), sp.GetRequiredService<PolicyOptions>(), parts.Time,
                sp.GetRequiredService<GatewayMetrics>(), sp.GetRequiredService<ILogger<ScanProcessor>>());
            processor.Processed += (_, _) => heartbeats.FrameProcessed();
            return processor;
        });
        services.AddSingleton(sp => new PipelineContext(
            sp.GetRequiredService<PortIdentity>(), sp.GetRequiredService<PolicyOptions>(), Booth(settings.Booth), parts.Time, sp.GetRequiredService<GatewayMetrics>()));

        // Operations: systemd STATUS and watchdog (only under systemd).
        services.AddSingleton<IGatewayStatusSource>(sp => new GatewayStatusProvider(sp.GetRequiredService<PortIdentity>(),
            sp.GetRequiredService<ReaderStateBoard>(), sp.GetRequiredService<MqttConnectionSupervisor>(), parts.Outbox,
            sp.GetRequiredService<GatewayMetrics>(), heartbeats, settings.Mqtt, parts.Time));
        services.AddSingleton(WatchdogTiming.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId));
        services.AddSingleton(StatusSocketOptions.FromEnvironment(Environment.GetEnvironmentVariable));

        // Start order: forwarder, maintenance, readers. Stop order is the reverse, so the readers stop first and
        // the forwarder still runs while the last frames are stored.
        services.AddHostedService<ForwardingService>();
        services.AddHostedService<OutboxMaintenanceService>();
        services.AddSingleton(OutboxGaugeService.Options.Default);
        services.AddHostedService<OutboxGaugeService>();
        services.AddSingleton<ReaderIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReaderIngestService>());
        services.AddHostedService(sp =>
        {
            var notify = new SystemdNotifyService(sp.GetService<ISystemdNotifier>(), sp.GetRequiredService<IGatewayStatusSource>(),
                sp.GetRequiredService<WatchdogTiming>(), parts.Time, sp.GetRequiredService<ILogger<SystemdNotifyService>>());
            notify.WatchChanges(sp.GetRequiredService<MqttConnectionSupervisor>(), readers);
            return notify;
        });
        services.AddHostedService<StatusSocketServer>();
        configureServices?.Invoke(services);
        return builder.Build();
    }

    /// <summary>The port's identity and time zone from the <c>Gateway</c> section.</summary>
    public static PortIdentity Port(GatewaySection gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var zone = string.IsNullOrWhiteSpace(gateway.TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(gateway.TimeZone);
        return new PortIdentity(gateway.Id, gateway.EntryCountry, gateway.PortCode, gateway.PortName, zone);
    }

    /// <summary>The policy switches from the <c>Exchange</c> section.</summary>
    public static PolicyOptions Policy(ExchangeSection exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var mode = WireNames.TryParseMode(exchange.Mode, out var parsed) ? parsed : ExchangeMode.PhaseII; // validated at start
        return new PolicyOptions(mode, exchange.ShareProtectedGroupsInAllTravellers);
    }

    /// <summary>Booth session timings from the <c>Booth</c> section.</summary>
    public static BoothSessionOptions Booth(BoothSection booth)
    {
        ArgumentNullException.ThrowIfNull(booth);
        return new BoothSessionOptions
        {
            NoSensorSettleTime = TimeSpan.FromSeconds(booth.SettleSeconds),
            DeclarationTimeout = TimeSpan.FromSeconds(booth.DeclarationTimeoutSeconds),
            MaxSessionTime = TimeSpan.FromSeconds(booth.MaxSessionSeconds),
        };
    }

    private static Func<CancellationToken, ValueTask<GatewayHealth>> HealthProvider(SqliteOutbox outbox, ReaderStateBoard readers) =>
        async cancellationToken =>
        {
            var status = await outbox.GetStatusAsync(cancellationToken);
            return new GatewayHealth((int)Math.Min(int.MaxValue, status.Pending), status.OldestPendingAge, readers.Snapshot());
        };
}
