using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Server;

namespace EntryExit.Edge.Host.Tests.Gateway;

/// <summary>MQTTnet's in-process broker on a free loopback port, with a subscriber recording every entry record.</summary>
internal sealed class ExchangeSubscriber : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly IMqttClient _client;

    private ExchangeSubscriber(MqttServer server, IMqttClient client, int port)
    {
        _server = server;
        _client = client;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentDictionary<Guid, JsonElement> Records { get; } = new();

    /// <param name="configure">Hooks on the broker before it starts (tests make it refuse sessions or publishes).</param>
    public static async Task<ExchangeSubscriber> StartAsync(string topicFilter, CancellationToken cancellationToken, int port = 0, Action<MqttServer>? configure = null)
    {
        var options = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        configure?.Invoke(server);
        await server.StartAsync();
        var client = new MqttClientFactory().CreateMqttClient();
        var exchange = new ExchangeSubscriber(server, client, options.DefaultEndpointOptions.Port);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var reader = new Utf8JsonReader(e.ApplicationMessage.Payload);
            var record = JsonElement.ParseValue(ref reader);
            exchange.Records[record.GetProperty("recordId").GetGuid()] = record;
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", exchange.Port).WithClientId("test-exchange").Build(), cancellationToken);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        return exchange;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
        await _server.StopAsync();
        _server.Dispose();
    }
}
