using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>The client certificate and the CA: valid now, and not expiring within 30 days.</summary>
internal static class CertificateChecks
{
    public static readonly TimeSpan Soon = TimeSpan.FromDays(30);

    public static IReadOnlyList<DoctorCheck> Check(MqttLinkOptions mqtt, TimeProvider time)
    {
        var checks = new List<DoctorCheck>();
        if (!string.IsNullOrWhiteSpace(mqtt.ClientCertFile))
        {
            checks.Add(Check("client-certificate", "client certificate", mqtt.ClientCertFile, time,
                "Run `entryexit-edge provision` for a new key and CSR (or reuse the key's CSR), have the exchange's CA sign it, install it as Mqtt:ClientCertFile."));
        }

        if (!string.IsNullOrWhiteSpace(mqtt.CaFile))
        {
            checks.Add(Check("ca-certificate", "exchange CA", mqtt.CaFile, time, "Ask the exchange for its current CA bundle and replace Mqtt:CaFile."));
        }

        return checks;
    }

    private static DoctorCheck Check(string id, string what, string path, TimeProvider time, string renew)
    {
        X509Certificate2 certificate;
        try
        {
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(path);
            if (all.Count == 0)
            {
                return DoctorCheck.Fail(id, $"{what}: no certificate in {path}", "Point the setting at a PEM file with the certificate.");
            }

            certificate = all.OrderBy(c => c.NotAfter).First(); // the first to expire decides
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return DoctorCheck.Fail(id, $"{what}: {path} cannot be read ({e.Message})", "Check the path and that the service user may read it.");
        }

        using (certificate)
        {
            var now = time.GetUtcNow();
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
            var until = notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (now < notBefore)
            {
                return DoctorCheck.Fail(id, $"{what} is not valid before {notBefore:yyyy-MM-dd}", "Check the clock (timedatectl); if it is right, the certificate was issued wrongly.");
            }

            if (now >= notAfter)
            {
                return DoctorCheck.Fail(id, $"{what} expired on {until}", renew);
            }

            var left = (int)(notAfter - now).TotalDays;
            return notAfter - now < Soon
                ? DoctorCheck.Warn(id, $"{what} expires on {until}, in {left} days", renew)
                : DoctorCheck.Ok(id, $"{what} valid until {until} ({left} days)");
        }
    }
}
