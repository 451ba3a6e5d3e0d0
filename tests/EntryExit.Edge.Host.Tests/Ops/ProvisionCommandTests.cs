using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EntryExit.Edge.Host.Tests.Cli;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

public sealed class ProvisionCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-provision-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Provision_CreatesAnOwnerOnlyP256Key_ACsrForTheGatewayId_AndA32ByteOutboxKey()
    {
        var run = await CliRunner.RunAsync(string.Empty, "provision", "--dir", _dir.FullName, "--gateway-id", "poe-0813-gw1");

        Assert.Equal(0, run.ExitCode);
        var keyPath = Path.Combine(_dir.FullName, "client.key");
        var csrPath = Path.Combine(_dir.FullName, "client.csr");
        var outboxPath = Path.Combine(_dir.FullName, "outbox.key");
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyPath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(outboxPath));
        Assert.Equal(32, (await File.ReadAllBytesAsync(outboxPath, _ct)).Length);

        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(keyPath, _ct));
        Assert.Equal(256, key.KeySize);
        var csr = CertificateRequest.LoadSigningRequestPem(await File.ReadAllTextAsync(csrPath, _ct), HashAlgorithmName.SHA256);
        Assert.Equal("CN=poe-0813-gw1", csr.SubjectName.Name);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), csr.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.DoesNotContain("PRIVATE KEY", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_RefusesToOverwrite_UnlessForced()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(string.Empty, "provision", "--dir", _dir.FullName, "--gateway-id", "gw1")).ExitCode);
        var outboxPath = Path.Combine(_dir.FullName, "outbox.key");
        var first = await File.ReadAllBytesAsync(outboxPath, _ct);

        var refused = await CliRunner.RunAsync(string.Empty, "provision", "--dir", _dir.FullName, "--gateway-id", "gw1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllBytesAsync(outboxPath, _ct));

        var forced = await CliRunner.RunAsync(string.Empty, "provision", "--dir", _dir.FullName, "--gateway-id", "gw1", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual(first, await File.ReadAllBytesAsync(outboxPath, _ct));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(outboxPath));
    }

    [Fact]
    public async Task Provision_RefusesAnIdThatCannotBeAnMqttClientId()
    {
        var run = await CliRunner.RunAsync(string.Empty, "provision", "--dir", _dir.FullName, "--gateway-id", "bad id!");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(_dir.GetFiles());
    }

    [Fact]
    public async Task ProvisionedOutboxKey_OpensAnOutbox()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(string.Empty, "provision", "--dir", _dir.FullName, "--gateway-id", "gw1")).ExitCode);
        var options = new EntryExit.Edge.Storage.OutboxOptions
        {
            Path = Path.Combine(_dir.FullName, "outbox.db"),
            KeyFile = Path.Combine(_dir.FullName, "outbox.key"),
            GatewayId = "gw1",
        };

        await using var outbox = await EntryExit.Edge.Storage.SqliteOutbox.OpenAsync(options, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EntryExit.Edge.Storage.SqliteOutbox>.Instance, _ct);

        Assert.Equal(0, (await outbox.GetStatusAsync(_ct)).Pending);
    }
}
