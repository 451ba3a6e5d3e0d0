using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>Stands in for the exchange: a persistent-session QoS 1 subscriber on everything under the prefix.</summary>
internal sealed class ExchangeSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private MqttClientOptions _options = null!;

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    public IEnumerable<ReceivedMessage> Entries => Received.Where(m => m.Topic.EndsWith("/entries", StringComparison.Ordinal));

    public HashSet<string> EntryIds => [.. Entries.Select(m => m.RecordId!)];

    /// <summary>The broker forwards after it acknowledged the gateway, so receipt is waited for, not assumed.</summary>
    public Task WaitForAsync(IEnumerable<Guid> ids)
    {
        var wanted = ids.Select(i => i.ToString("D")).ToList();
        return Eventually.TrueAsync(() => EntryIds.IsSupersetOf(wanted), $"exchange received {wanted.Count} records");
    }

    public static async Task<ExchangeSubscriber> ConnectAsync(int port, string filter = "entryexit/v1/#")
    {
        var subscriber = new ExchangeSubscriber();
        subscriber._options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("exchange-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanStart(false).WithSessionExpiryInterval(3600).Build();
        subscriber._client.ApplicationMessageReceivedAsync += args =>
        {
            subscriber.Received.Enqueue(ReceivedMessage.From(args.ApplicationMessage));
            return Task.CompletedTask;
        };
        await subscriber.ReconnectAsync(filter);
        return subscriber;
    }

    /// <summary>Connects, retrying while the broker is still coming up; subscribes again (a killed broker may have lost the session).</summary>
    public async Task ReconnectAsync(string filter = "entryexit/v1/#")
    {
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await _client.ConnectAsync(_options, TestContext.Current.CancellationToken);
                return true;
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                return false;
            }
        }, "subscriber reconnect");
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
