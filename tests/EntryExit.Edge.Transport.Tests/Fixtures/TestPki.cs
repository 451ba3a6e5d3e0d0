using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>A throw-away PKI written as PEM files: exchange CA, broker cert, gateway client cert, and an unrelated CA.</summary>
internal sealed class TestPki : IDisposable
{
    private TestPki(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string OtherCaFile => Path.Combine(Directory, "other-ca.pem");

    public string ServerCertFile => Path.Combine(Directory, "server.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public string ClientCertFile => Path.Combine(Directory, "client.pem");

    public string ClientKeyFile => Path.Combine(Directory, "client.key");

    public string RogueClientCertFile => Path.Combine(Directory, "rogue-client.pem");

    public string RogueClientKeyFile => Path.Combine(Directory, "rogue-client.key");

    public X509Certificate2 Ca { get; private set; } = null!;

    /// <summary>Broker certificate with its key, loadable by SslStream.</summary>
    public X509Certificate2 ServerCertificate { get; private set; } = null!;

    public static TestPki Create()
    {
        var pki = new TestPki(System.IO.Directory.CreateTempSubdirectory("eee-pki-").FullName);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        pki.Ca = CreateCa("CN=Test Exchange CA", caKey, now);
        File.WriteAllText(pki.CaFile, pki.Ca.ExportCertificatePem());

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa("CN=Some Other CA", otherKey, now);
        File.WriteAllText(pki.OtherCaFile, other.ExportCertificatePem());

        using var server = Issue(pki.Ca, "CN=localhost", serverAuth: true, pki.ServerCertFile, pki.ServerKeyFile, now);
        pki.ServerCertificate = X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null);
        using var client = Issue(pki.Ca, "CN=gw-test-1", serverAuth: false, pki.ClientCertFile, pki.ClientKeyFile, now);
        using var rogue = Issue(other, "CN=gw-rogue", serverAuth: false, pki.RogueClientCertFile, pki.RogueClientKeyFile, now);
        return pki;
    }

    public void Dispose()
    {
        Ca?.Dispose();
        ServerCertificate?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key, DateTimeOffset now)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth, string certFile, string keyFile, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        // CreateSelfSigned already bound the CA key to the certificate.
        using var issued = request.Create(ca, now.AddDays(-1), now.AddMonths(6), serial);
        File.WriteAllText(certFile, issued.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return issued.CopyWithPrivateKey(key);
    }
}
