using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EntryExit.Edge.Transport;

/// <summary>
/// The TLS pieces of the link: the exchange CA (the only trusted root) and the optional client certificate.
/// Revocation is never checked online: a port of entry may be cut off from every CRL/OCSP server.
/// </summary>
public sealed class TlsMaterial : IDisposable
{
    private readonly X509Certificate2Collection _trustedRoots;

    private TlsMaterial(X509Certificate2Collection trustedRoots, X509Certificate2? clientCertificate)
    {
        _trustedRoots = trustedRoots;
        ClientCertificate = clientCertificate;
    }

    /// <summary>The client certificate with its private key, or null when the broker does not ask for mTLS.</summary>
    public X509Certificate2? ClientCertificate { get; }

    /// <summary>Loads the CA bundle and, when configured, the client certificate and key (PEM).</summary>
    public static TlsMaterial Load(string caFile, string? clientCertFile, string? clientKeyFile)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        if (roots.Count == 0)
        {
            throw new InvalidOperationException($"No certificate found in the CA file {caFile}.");
        }

        X509Certificate2? client = null;
        if (!string.IsNullOrWhiteSpace(clientCertFile) && !string.IsNullOrWhiteSpace(clientKeyFile))
        {
            using var ephemeral = X509Certificate2.CreateFromPemFile(clientCertFile, clientKeyFile);
            // SslStream on Linux wants a key it can hand to OpenSSL as a persisted blob; PKCS#12 round trip gives that.
            client = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }

        return new TlsMaterial(roots, client);
    }

    /// <summary>
    /// Accepts the broker certificate only when its host name matches and it chains to the configured CA
    /// (custom root trust: the system store is ignored), without revocation checks.
    /// </summary>
    public bool ValidateServerCertificate(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return chain.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ClientCertificate?.Dispose();
        foreach (var root in _trustedRoots)
        {
            root.Dispose();
        }
    }
}
