using EntryExit.Edge.Transport.Tests.Fixtures;

namespace EntryExit.Edge.Transport.Tests;

public sealed class MqttLinkOptionsValidatorTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Complete_tls_configuration_has_no_problem()
    {
        using var pki = TestPki.Create();
        var options = TlsLinkTests.TlsOptions(pki, 8883, pki.CaFile);

        Assert.Empty(MqttLinkOptionsValidator.Validate(options, NoEnvironment));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_key_path()
    {
        var options = new MqttLinkOptions
        {
            Host = "",
            Port = 0,
            CaFile = "/nonexistent/ca.pem",
            ClientCertFile = "client.pem",
            ProtocolVersion = "4",
            TopicPrefix = "entryexit/#",
            InFlightWindow = 0,
            PubAckTimeout = TimeSpan.Zero,
            Password = "secret-without-user",
        };

        var problems = MqttLinkOptionsValidator.Validate(options, NoEnvironment);

        Assert.Contains("Mqtt:Host: required; set the exchange broker's host name.", problems);
        Assert.Contains(problems, p => p.StartsWith("Mqtt:Port: 0 is not a TCP port", StringComparison.Ordinal));
        Assert.Contains("Mqtt:CaFile: file not found (/nonexistent/ca.pem).", problems);
        Assert.Contains(problems, p => p.StartsWith("Mqtt:ClientKeyFile: ClientCertFile and ClientKeyFile go together", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mqtt:ProtocolVersion:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mqtt:TopicPrefix:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mqtt:InFlightWindow:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mqtt:PubAckTimeout:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mqtt:Password:", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("secret-without-user", StringComparison.Ordinal));
    }

    [Fact]
    public void Plaintext_is_refused_unless_allow_insecure_is_set()
    {
        var options = new MqttLinkOptions { Host = "broker", Port = 1883, UseTls = false };
        Assert.Contains(MqttLinkOptionsValidator.Validate(options, NoEnvironment), p => p.StartsWith("Mqtt:UseTls: TLS is required", StringComparison.Ordinal));

        options.AllowInsecure = true;
        Assert.Empty(MqttLinkOptionsValidator.Validate(options, NoEnvironment));
    }

    [Fact]
    public void A_relative_client_key_is_looked_up_in_the_systemd_credentials_directory()
    {
        using var pki = TestPki.Create();
        var options = TlsLinkTests.TlsOptions(pki, 8883, pki.CaFile);
        options.ClientKeyFile = Path.GetFileName(pki.ClientKeyFile);
        Func<string, string?> systemd = name => name == "CREDENTIALS_DIRECTORY" ? pki.Directory : null;

        Assert.Empty(MqttLinkOptionsValidator.Validate(options, systemd));
        Assert.Equal(pki.ClientKeyFile, CredentialPaths.ResolveClientKey(options.ClientKeyFile, systemd));
        Assert.Contains(MqttLinkOptionsValidator.Validate(options, NoEnvironment), p => p.StartsWith("Mqtt:ClientKeyFile: file not found", StringComparison.Ordinal));
    }

    [Fact]
    public void The_section_name_prefixes_every_key_path()
    {
        var problems = MqttLinkOptionsValidator.Validate(new MqttLinkOptions(), NoEnvironment, "Gateway:Mqtt");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("Gateway:Mqtt:", p, StringComparison.Ordinal));
    }
}
