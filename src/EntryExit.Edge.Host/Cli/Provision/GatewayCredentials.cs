using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EntryExit.Edge.Host.Cli.Provision;

/// <summary>Creates a gateway's secrets: an EC P-256 private key, its certificate signing request and the outbox key.</summary>
internal static class GatewayCredentials
{
    public const string PrivateKeyFile = "client.key";
    public const string CsrFile = "client.csr";
    public const string OutboxKeyFile = "outbox.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The files <see cref="Create"/> writes, in order.</summary>
    public static string[] Files(string dir) => [Path.Combine(dir, PrivateKeyFile), Path.Combine(dir, CsrFile), Path.Combine(dir, OutboxKeyFile)];

    /// <summary>Writes the three files. Each is created with its final mode (no moment where a secret is readable
    /// by others); an existing file is replaced only when <paramref name="force"/>.</summary>
    public static void Create(string dir, string gatewayId, bool force)
    {
        Directory.CreateDirectory(dir);
        var (keyPath, csrPath, outboxPath) = (Path.Combine(dir, PrivateKeyFile), Path.Combine(dir, CsrFile), Path.Combine(dir, OutboxKeyFile));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + gatewayId), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2", "TLS client authentication")], critical: false));
        var outboxKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            Write(keyPath, Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()), OwnerOnly, force);
            Write(csrPath, Encoding.ASCII.GetBytes(request.CreateSigningRequestPem()), Public, force);
            Write(outboxPath, outboxKey, OwnerOnly, force);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(outboxKey);
        }
    }

    private static void Write(string path, byte[] content, UnixFileMode mode, bool force)
    {
        if (force)
        {
            File.Delete(path); // replaced, not rewritten in place, so the new file gets its mode at creation
        }

        using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode });
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
