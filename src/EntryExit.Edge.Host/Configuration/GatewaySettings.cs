using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>The whole configuration file, bound. Keys are documented in the README's configuration reference.</summary>
public sealed class GatewaySettings
{
    /// <summary>Section <c>Gateway</c>.</summary>
    public GatewaySection Gateway { get; set; } = new();

    /// <summary>Section <c>Exchange</c>.</summary>
    public ExchangeSection Exchange { get; set; } = new();

    /// <summary>Section <c>Outbox</c>.</summary>
    public OutboxSection Outbox { get; set; } = new();

    /// <summary>Section <c>Mqtt</c>.</summary>
    public MqttLinkOptions Mqtt { get; set; } = new();

    /// <summary>Section <c>Booth</c>.</summary>
    public BoothSection Booth { get; set; } = new();

    /// <summary>Section <c>Gpio</c>: booth sensors, lights and officer buttons (optional).</summary>
    public GpioSection Gpio { get; set; } = new();

    /// <summary>Section <c>Readers</c>.</summary>
    public List<ReaderSection> Readers { get; set; } = [];
}
