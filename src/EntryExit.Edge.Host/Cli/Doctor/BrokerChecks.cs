using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>The broker: reachable over TCP, and a TLS handshake against the configured CA with the client certificate.</summary>
internal static class BrokerChecks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(MqttLinkOptions mqtt, Func<string, string?> environment, CancellationToken cancellationToken)
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
            return checks;
        }

        checks.Add(await HandshakeAsync(client, mqtt, environment, limit.Token));
        return checks;
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
