using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Transport;

/// <summary>Turns the link options into MQTTnet client options: persistent session, Last Will, TLS.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Build(MqttLinkOptions options, GatewayIdentity identity, TopicLayout topics, TlsMaterial? tls, DateTimeOffset now, WriteHold? writeHold = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.EffectiveClientId(identity.GatewayId))
            .WithProtocolVersion(options.ProtocolVersion == "3.1.1" ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            // Persistent session: the broker keeps our state (and any subscription) across reconnects.
            .WithCleanStart(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(options.ConnectTimeout)
            // One write per packet: with fragmentation on, MQTTnet writes a publish's header and payload separately.
            .WithoutPacketFragmentation()
            .WithWillTopic(topics.Status)
            .WithWillPayload(StatusMessages.Status(identity, "offline", now))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (options.ProtocolVersion != "3.1.1")
        {
            builder = builder.WithSessionExpiryInterval(options.SessionExpirySeconds).WithWillContentType("application/json");
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            builder = builder.WithCredentials(options.Username, options.Password);
        }

        if (options.UseTls && tls is not null)
        {
            builder = builder.WithTlsOptions(t =>
            {
                t.UseTls()
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithTargetHost(options.Host)
                    .WithRevocationMode(X509RevocationMode.NoCheck)
                    .WithCertificateValidationHandler(e => tls.ValidateServerCertificate(e.Certificate, e.Chain, e.SslPolicyErrors));
                if (tls.ClientCertificate is not null)
                {
                    t.WithClientCertificates(new X509Certificate2Collection(tls.ClientCertificate));
                }
            });
        }

        var built = builder.Build();
        if (built.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.StreamProvider = new BufferedSocketStreamProvider(tcp.NoDelay, writeHold);
        }

        return built;
    }
}
