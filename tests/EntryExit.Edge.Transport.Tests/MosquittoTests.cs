using EntryExit.Edge.Transport.Tests.Fixtures;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>The link against a real Mosquitto (skipped where it is not installed, required under CI=true).</summary>
public sealed class MosquittoTests
{
    [Theory]
    [InlineData("5.0")]
    [InlineData("3.1.1")]
    public async Task Records_are_delivered_over_either_protocol_version(string version)
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.PlainPort);
        var options = Gateway.PlainOptions(broker.PlainPort);
        options.ProtocolVersion = version;
        await using var gateway = Gateway.Start(options);
        var ids = gateway.Queue.AddMany(25);

        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 25, "25 delivered");
        await Eventually.TrueAsync(() => exchange.Entries.Count() >= 25, "25 received by the exchange");
        if (version == "5.0")
        {
            await exchange.WaitForAsync(ids);
        }

        Assert.All(exchange.Entries, e => Assert.Equal("entryexit/v1/CAN/0427/entries", e.Topic));
        if (version == "5.0")
        {
            Assert.Equal(ids.Select(i => i.ToString("D")).ToHashSet(), exchange.EntryIds);
            Assert.All(exchange.Entries, e => Assert.Equal("application/json", e.ContentType));
        }
    }

    [Fact]
    public async Task Broker_down_at_start_then_up_delivers_everything()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        var broker = await MosquittoBroker.StartAsync(pki);
        broker.Kill();
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.PlainPort));
        var ids = gateway.Queue.AddMany(40);
        await Eventually.TrueAsync(() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003) >= 2, "two refused connection attempts");

        await broker.RestartAsync();
        await using var running = broker;
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.PlainPort);
        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 40, "40 delivered");
        await exchange.WaitForAsync(ids);
    }

    [Fact]
    public async Task Broker_killed_mid_stream_and_restarted_loses_nothing()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        var exchange = await ExchangeSubscriber.ConnectAsync(broker.PlainPort);
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.PlainPort));
        var ids = gateway.Queue.AddMany(3000).ToList();

        await Eventually.TrueAsync(() => exchange.Entries.Count() >= 100, "first records arrived");
        broker.Kill();
        Assert.True(gateway.Queue.PendingCount > 0, "the kill must land while records are still pending");
        var afterKill = gateway.Queue.AddMany(200);
        ids.AddRange(afterKill);
        await Eventually.TrueAsync(() => gateway.Link.State != LinkState.Connected, "gateway saw the link drop");
        await broker.RestartAsync();
        await exchange.ReconnectAsync();

        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 3200, "all 3200 marked delivered");
        Assert.True(gateway.Link.ReconnectCount >= 1);
        Assert.All(ids, id => Assert.True(gateway.Queue.IsDelivered(id)));
        // Mosquitto without persistence forgets what it acknowledged but had not yet forwarded when SIGKILLed,
        // so the subscriber check covers the records queued after the kill: all of them must reach the exchange.
        await exchange.WaitForAsync(afterKill);
        await exchange.DisposeAsync();
    }

    [Fact]
    public async Task Acl_denied_topic_is_dead_lettered_with_not_authorized_under_mqtt5()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        var options = Gateway.PlainOptions(broker.PlainPort);
        options.TopicPrefix = "forbidden/v1";
        await using var gateway = Gateway.Start(options);
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.Queue.DeadLetterReason(id) is not null, "dead-lettered");
        Assert.Equal("mqtt-135-NotAuthorized", gateway.Queue.DeadLetterReason(id));
        Assert.False(gateway.Queue.IsDelivered(id));
    }

    [Fact]
    public async Task Mtls_with_the_exchange_ca_and_a_client_certificate_delivers()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.PlainPort);
        await using var gateway = Gateway.Start(TlsLinkTests.TlsOptions(pki, broker.TlsPort, pki.CaFile));
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(id), "delivered over mTLS");
        await exchange.WaitForAsync([id]);
    }

    [Theory]
    [InlineData("wrong-ca")]
    [InlineData("no-client-cert")]
    [InlineData("client-cert-from-another-ca")]
    public async Task Tls_link_is_refused_and_nothing_is_marked(string fault)
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        var options = TlsLinkTests.TlsOptions(pki, broker.TlsPort, fault == "wrong-ca" ? pki.OtherCaFile : pki.CaFile);
        if (fault == "no-client-cert")
        {
            options.ClientCertFile = null;
            options.ClientKeyFile = null;
        }
        else if (fault == "client-cert-from-another-ca")
        {
            options.ClientCertFile = pki.RogueClientCertFile;
            options.ClientKeyFile = pki.RogueClientKeyFile;
        }

        await using var gateway = Gateway.Start(options);
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003) >= 2, "two refused connection attempts");
        Assert.NotEqual(LinkState.Connected, gateway.Link.State);
        Assert.False(gateway.Queue.IsDelivered(id));
        Assert.Empty(gateway.Queue.Errors(id));
    }

    [Fact]
    public async Task Window_follows_the_broker_receive_maximum()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki, maxInflight: 5);
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.PlainPort);
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.PlainPort));
        await gateway.WaitConnectedAsync();

        Assert.Equal((ushort)5, gateway.Link.BrokerReceiveMaximum);
        gateway.Queue.AddMany(200);
        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 200, "200 delivered within the broker's limit");
    }

    [Fact]
    public async Task Last_will_offline_is_published_by_mosquitto_when_the_gateway_connection_dies()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var watcher = await ExchangeSubscriber.ConnectAsync(broker.PlainPort, "entryexit/v1/CAN/0427/gateways/+/status");
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.PlainPort));
        await Eventually.TrueAsync(() => watcher.Received.Any(m => m.Payload.Contains("\"online\"", StringComparison.Ordinal)), "online seen");

        gateway.Link.Client.Dispose();

        await Eventually.TrueAsync(() => watcher.Received.Any(m => m.Payload.Contains("\"offline\"", StringComparison.Ordinal)), "Last Will seen");
    }
}
