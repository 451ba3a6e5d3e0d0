using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Server;

namespace EntryExit.Edge.Host.Demo;

/// <summary>
/// Stands in for the central exchange in <c>demo</c>: MQTTnet's in-process broker on a free loopback port, and a
/// subscriber that counts the distinct records that arrived and checks none is a citizen's (phase II).
/// </summary>
internal sealed class EmbeddedExchange : IAsyncDisposable
{
    private static readonly string[] NeverShared = ["canadian-citizen", "us-citizen", "registered-indian", "protected-person"];

    private readonly MqttServer _server;
    private readonly IMqttClient _subscriber;
    private readonly ConcurrentDictionary<Guid, byte> _received = new();
    private int _neverShared;

    private EmbeddedExchange(MqttServer server, IMqttClient subscriber, int port)
    {
        _server = server;
        _subscriber = subscriber;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Distinct record ids received.</summary>
    public int Received => _received.Count;

    /// <summary>Records received whose category must never be shared in phase II (should stay 0).</summary>
    public int NeverSharedSeen => Volatile.Read(ref _neverShared);

    public static async Task<EmbeddedExchange> StartAsync(string entriesTopic, CancellationToken cancellationToken)
    {
        var options = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(0)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        var port = options.DefaultEndpointOptions.Port;

        var subscriber = new MqttClientFactory().CreateMqttClient();
        var exchange = new EmbeddedExchange(server, subscriber, port);
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            exchange.Count(e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("demo-exchange").Build(), cancellationToken);
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(entriesTopic, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        return exchange;
    }

    private void Count(System.Buffers.ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        using var json = JsonDocument.ParseValue(ref reader);
        if (json.RootElement.TryGetProperty("recordId", out var id) && id.TryGetGuid(out var recordId))
        {
            _received.TryAdd(recordId, 0);
        }

        if (json.RootElement.TryGetProperty("category", out var category) && NeverShared.Contains(category.GetString()))
        {
            Interlocked.Increment(ref _neverShared);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscriber.IsConnected)
        {
            await _subscriber.DisconnectAsync();
        }

        _subscriber.Dispose();
        await _server.StopAsync();
        _server.Dispose();
    }
}
