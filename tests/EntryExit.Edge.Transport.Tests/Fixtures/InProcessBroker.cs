using System.Collections.Concurrent;
using MQTTnet.Server;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>MQTTnet's in-process broker on loopback, recording every publish it receives from the gateway.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private InProcessBroker(MqttServer server, int port, int? tlsPort)
    {
        Server = server;
        Port = port;
        TlsPort = tlsPort;
    }

    public MqttServer Server { get; }

    /// <summary>Subjects of client certificates the TLS listener accepted (all instances share one list per test class run).</summary>
    public static ConcurrentQueue<string> ClientCertificateSubjects { get; } = new();

    /// <summary>Plain listener port (always on, for the test's own subscriber).</summary>
    public int Port { get; }

    public int? TlsPort { get; }

    /// <summary>Publishes from the gateway as the broker received them (before any interceptor verdict).</summary>
    public ConcurrentQueue<ReceivedMessage> FromGateway { get; } = new();

    public static Task<InProcessBroker> StartAsync(int port = 0) => StartAsync(port, tls: null, requireClientCertificate: false);

    public static async Task<InProcessBroker> StartAsync(int port, TestPki? tls, bool requireClientCertificate)
    {
        var factory = new MqttServerFactory();
        var builder = factory.CreateServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port);
        int? tlsPort = null;
        if (tls is not null)
        {
            tlsPort = FreePort.Next();
            builder = builder.WithEncryptedEndpoint().WithEncryptedEndpointPort(tlsPort.Value)
                .WithEncryptionCertificate(tls.ServerCertificate);
            if (requireClientCertificate)
            {
                builder = builder.WithClientCertificate((_, certificate, _, _) =>
                {
                    if (certificate is null || certificate.Issuer != tls.Ca.Subject)
                    {
                        return false;
                    }

                    ClientCertificateSubjects.Enqueue(certificate.Subject);
                    return true;
                }, checkCertificateRevocation: false);
            }
        }

        var options = builder.Build();
        var server = factory.CreateMqttServer(options);
        await server.StartAsync();
        var broker = new InProcessBroker(server, options.DefaultEndpointOptions.Port, tlsPort);
        server.InterceptingPublishAsync += args =>
        {
            if (args.ClientId == Gateway.Identity.GatewayId)
            {
                broker.FromGateway.Enqueue(ReceivedMessage.From(args.ApplicationMessage));
            }

            return Task.CompletedTask;
        };
        return broker;
    }

    public IEnumerable<ReceivedMessage> Entries => FromGateway.Where(m => m.Topic.EndsWith("/entries", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(new MqttServerStopOptions());
        Server.Dispose();
    }
}
