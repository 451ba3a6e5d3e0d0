using EntryExit.Edge.Transport.Tests.Fixtures;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>TLS against the in-process broker: custom CA trust and client certificates.</summary>
public sealed class TlsLinkTests
{
    [Fact]
    public async Task Tls_with_the_exchange_ca_and_a_client_certificate_delivers()
    {
        using var pki = TestPki.Create();
        await using var broker = await InProcessBroker.StartAsync(0, pki, requireClientCertificate: true);
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        await using var gateway = Gateway.Start(TlsOptions(pki, broker.TlsPort!.Value, pki.CaFile));
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(id), "delivered over mTLS");
        Assert.Contains("CN=gw-test-1", InProcessBroker.ClientCertificateSubjects);
        Assert.DoesNotContain(gateway.LinkLog.Lines, l => l.Id.Id == 4001);
    }

    [Fact]
    public async Task A_broker_certificate_from_another_ca_is_refused_and_nothing_is_sent()
    {
        using var pki = TestPki.Create();
        await using var broker = await InProcessBroker.StartAsync(0, pki, requireClientCertificate: false);
        await using var gateway = Gateway.Start(TlsOptions(pki, broker.TlsPort!.Value, pki.OtherCaFile));
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003) >= 2, "two refused handshakes");
        Assert.NotEqual(LinkState.Connected, gateway.Link.State);
        Assert.Equal(0, gateway.Link.ReconnectCount);
        Assert.Contains(gateway.LinkLog.Lines, l => l.Id.Id == 4003 && l.Text.Contains("certificate", StringComparison.OrdinalIgnoreCase));
        Assert.False(gateway.Queue.IsDelivered(id));
        Assert.Empty(gateway.Queue.Errors(id));
        Assert.Empty(broker.FromGateway);
    }

    [Fact]
    public async Task Without_a_client_certificate_a_broker_requiring_mtls_refuses_the_link()
    {
        using var pki = TestPki.Create();
        await using var broker = await InProcessBroker.StartAsync(0, pki, requireClientCertificate: true);
        var options = TlsOptions(pki, broker.TlsPort!.Value, pki.CaFile);
        options.ClientCertFile = null;
        options.ClientKeyFile = null;
        await using var gateway = Gateway.Start(options);
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003) >= 2, "two refused handshakes");
        Assert.NotEqual(LinkState.Connected, gateway.Link.State);
        Assert.False(gateway.Queue.IsDelivered(id));
        Assert.Empty(broker.FromGateway);
    }

    internal static MqttLinkOptions TlsOptions(TestPki pki, int port, string caFile)
    {
        var options = Gateway.PlainOptions(port);
        options.Host = "localhost";
        options.UseTls = true;
        options.AllowInsecure = false;
        options.CaFile = caFile;
        options.ClientCertFile = pki.ClientCertFile;
        options.ClientKeyFile = pki.ClientKeyFile;
        return options;
    }
}
