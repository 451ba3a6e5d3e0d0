using EntryExit.Edge.Transport;
using Microsoft.Extensions.Hosting;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>Keeps the broker link up and drains the outbox to the exchange. Registered before the readers so the
/// host stops it after them: the last records read are in the outbox before the link goes down.</summary>
public sealed class ForwardingService : BackgroundService
{
    private readonly MqttConnectionSupervisor _link;
    private readonly DeliveryPump _pump;

    /// <summary>Creates the service; fresh records stored by <paramref name="processor"/> are offered to the pump at once.</summary>
    public ForwardingService(MqttConnectionSupervisor link, DeliveryPump pump, ScanProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        _link = link;
        _pump = pump;
        processor.Stored += (_, message) => _pump.OfferFresh(message);
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_link.RunAsync(stoppingToken), _pump.RunAsync(stoppingToken));
}
