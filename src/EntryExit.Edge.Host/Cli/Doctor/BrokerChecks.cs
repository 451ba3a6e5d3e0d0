using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>
/// The broker: reachable over TCP, a TLS handshake against the configured CA with the client certificate, then an
/// MQTT session of the doctor's own (authentication) and a probe publish on the gateway's health topic (topic
/// authorisation). See <see cref="MqttProbe"/> for why the running service is not disturbed.
/// </summary>
internal static class BrokerChecks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(MqttLinkOptions mqtt, Configuration.GatewaySection gateway, Func<string, string?> environment,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var endpoint = $"{mqtt.Host}:{mqtt.Port}";
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await client.ConnectAsync(mqtt.Host, mqtt.Port, limit.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is SocketException s ? s.SocketErrorCode.ToString() : "timed out after 5 s";
            return [DoctorCheck.Fail("broker-tcp", $"broker {endpoint} not reachable ({reason})",
                "Check Mqtt:Host and Mqtt:Port, DNS (getent hosts), the port's uplink and firewall (IPAddressAllow= in the unit).")];
        }

        var checks = new List<DoctorCheck> { DoctorCheck.Ok("broker-tcp", $"broker {endpoint} reachable over TCP") };
        if (!mqtt.UseTls)
        {
            checks.Add(DoctorCheck.Warn("broker-tls", "TLS is off (Mqtt:UseTls=false): records would travel in plaintext",
                "Set Mqtt:UseTls=true with Mqtt:CaFile; plaintext is for a lab only."));
        }
        else
        {
            var handshake = await HandshakeAsync(client, mqtt, environment, limit.Token);
            checks.Add(handshake);
            if (handshake.Outcome == CheckOutcome.Error)
            {
                return checks;
            }
        }

        checks.AddRange(await SessionAsync(mqtt, gateway, environment, time, cancellationToken));
        return checks;
    }

    private static async Task<IReadOnlyList<DoctorCheck>> SessionAsync(MqttLinkOptions mqtt, Configuration.GatewaySection gateway, Func<string, string?> environment,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var identity = new GatewayIdentity(gateway.Id, gateway.EntryCountry, gateway.PortCode, VersionInfo.Version);
        TopicLayout topics;
        try
        {
            topics = new TopicLayout(mqtt.TopicPrefix, identity);
        }
        catch (ArgumentException)
        {
            return [DoctorCheck.Warn("broker-session", "the MQTT session was not tried: the topic prefix or the gateway's ids are not valid topic levels",
                "Fix the configuration problems above (Mqtt:TopicPrefix, Gateway:Id, Gateway:EntryCountry, Gateway:PortCode).")];
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout * 2);
        MqttProbeResult probe;
        try
        {
            using var tls = mqtt.UseTls ? TlsMaterial.Load(mqtt.CaFile!, mqtt.ClientCertFile, CredentialPaths.ResolveClientKey(mqtt.ClientKeyFile, environment)) : null;
            probe = await MqttProbe.RunAsync(mqtt, identity, tls, time, limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException && !cancellationToken.IsCancellationRequested)
        {
            return [DoctorCheck.Fail("broker-session", $"no MQTT answer from {mqtt.Host}:{mqtt.Port} within {(Timeout * 2).TotalSeconds:0} s",
                "Check that the port is the broker's MQTT listener (not another service) and that Mqtt:UseTls matches it.")];
        }

        if (!probe.Connected)
        {
            var refused = probe.ConnectResult.Contains("NotAuthorized", StringComparison.Ordinal)
                || probe.ConnectResult.Contains("BadUserNameOrPassword", StringComparison.Ordinal);
            return [DoctorCheck.Fail("broker-session", $"the broker refused the MQTT session: {probe.ConnectResult}",
                refused
                    ? "Check Mqtt:Username/Mqtt:Password, or that the exchange has enrolled this gateway's client certificate (CN = gateway id)."
                    : "Check Mqtt:ProtocolVersion against the broker, and the broker's log for this client id (suffix -doctor).")];
        }

        var session = DoctorCheck.Ok("broker-session", $"MQTT session accepted (MQTT {mqtt.ProtocolVersion}, client id {mqtt.EffectiveClientId(identity.GatewayId)}-doctor)");
        var topic = probe.PublishReason switch
        {
            null => DoctorCheck.Warn("broker-topic", "publish authorisation cannot be verified under MQTT 3.1.1 (brokers acknowledge refused publishes)",
                "Use Mqtt:ProtocolVersion 5.0, or check the broker's ACL by hand: publish under " + topics.Entries + "."),
            MQTTnet.MqttClientPublishReasonCode.Success or MQTTnet.MqttClientPublishReasonCode.NoMatchingSubscribers =>
                DoctorCheck.Ok("broker-topic", $"publishing under this gateway's topics is authorised (probe on {topics.Health})"),
            var reason => DoctorCheck.Fail("broker-topic", $"the broker refused a publish on {topics.Health}: {reason}",
                $"The broker's ACL must let this gateway publish under {mqtt.TopicPrefix}/{identity.EntryCountry}/{identity.PortCode}/ " +
                "(entries, gateways/<id>/status and health); check Gateway:EntryCountry, Gateway:PortCode and Mqtt:TopicPrefix too."),
        };
        return [session, topic];
    }

    private static async Task<DoctorCheck> HandshakeAsync(TcpClient client, MqttLinkOptions mqtt, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        TlsMaterial material;
        try
        {
            material = TlsMaterial.Load(mqtt.CaFile!, mqtt.ClientCertFile, CredentialPaths.ResolveClientKey(mqtt.ClientKeyFile, environment));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or InvalidOperationException)
        {
            return DoctorCheck.Fail("broker-tls", $"the TLS files cannot be loaded: {e.Message}",
                "Check Mqtt:CaFile, Mqtt:ClientCertFile and Mqtt:ClientKeyFile (a relative key path is looked up in $CREDENTIALS_DIRECTORY).");
        }

        using (material)
        await using (var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, chain, errors) => material.ValidateServerCertificate(certificate, chain, errors)))
        {
            try
            {
                var options = new SslClientAuthenticationOptions
                {
                    TargetHost = mqtt.Host,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    ClientCertificates = material.ClientCertificate is { } cert ? [cert] : null,
                };
                await tls.AuthenticateAsClientAsync(options, cancellationToken);
                return DoctorCheck.Ok("broker-tls", $"TLS handshake with {mqtt.Host} ok ({tls.SslProtocol}), server certificate issued under the configured CA");
            }
            catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
            {
                return DoctorCheck.Fail("broker-tls", $"TLS handshake with {mqtt.Host} failed: {e.Message}",
                    "Check that Mqtt:CaFile is the exchange's CA, that Mqtt:Host matches the server certificate's name, and that the clock is right.");
            }
        }
    }
}
