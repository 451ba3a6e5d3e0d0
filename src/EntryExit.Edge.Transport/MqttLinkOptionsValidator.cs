namespace EntryExit.Edge.Transport;

/// <summary>Checks a <see cref="MqttLinkOptions"/> and reports every problem with its key path.</summary>
public static class MqttLinkOptionsValidator
{
    /// <summary>
    /// Returns every problem found, each as "Mqtt:Key: what is wrong and what to do"; empty when the options are usable.
    /// </summary>
    public static IReadOnlyList<string> Validate(MqttLinkOptions options, Func<string, string?> environment, string section = MqttLinkOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        void Problem(string key, string message) => problems.Add($"{section}:{key}: {message}");

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            Problem(nameof(options.Host), "required; set the exchange broker's host name.");
        }

        if (options.Port is < 1 or > 65535)
        {
            Problem(nameof(options.Port), $"{options.Port} is not a TCP port (1-65535).");
        }

        if (options.ProtocolVersion is not ("5.0" or "3.1.1"))
        {
            Problem(nameof(options.ProtocolVersion), $"'{options.ProtocolVersion}' is not supported; use \"5.0\" or \"3.1.1\".");
        }

        if (!options.UseTls && !options.AllowInsecure)
        {
            Problem(nameof(options.UseTls), "TLS is required; set UseTls to true (AllowInsecure: true only on a test bench).");
        }

        if (options.UseTls)
        {
            ValidateTls(options, environment, Problem);
        }

        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            Problem(nameof(options.Password), "set without a Username; set both or neither.");
        }

        var prefix = options.TopicPrefix ?? "";
        if (prefix.Length == 0 || prefix.StartsWith('/') || prefix.EndsWith('/') || prefix.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            Problem(nameof(options.TopicPrefix), "must be non-empty, without leading or trailing '/' and without '+' or '#'.");
        }

        if (options.ClientId is { Length: > 0 } clientId && clientId.AsSpan().IndexOfAny('/', '+', '#') >= 0)
        {
            Problem(nameof(options.ClientId), "must not contain '/', '+' or '#'.");
        }

        if (options.KeepAliveSeconds is < 0 or > ushort.MaxValue)
        {
            Problem(nameof(options.KeepAliveSeconds), "must be between 0 and 65535.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            Problem(nameof(options.ConnectTimeout), "must be positive (e.g. \"00:00:10\").");
        }

        if (options.PubAckTimeout <= TimeSpan.Zero)
        {
            Problem(nameof(options.PubAckTimeout), "must be positive (e.g. \"00:00:15\").");
        }

        if (options.InFlightWindow is < 1 or > ushort.MaxValue)
        {
            Problem(nameof(options.InFlightWindow), "must be between 1 and 65535.");
        }

        if (options.HealthIntervalSeconds < 0)
        {
            Problem(nameof(options.HealthIntervalSeconds), "must be 0 (off) or a number of seconds.");
        }

        if (options.RetryInitialDelay <= TimeSpan.Zero || options.RetryInitialDelay > RetryBackoff.Cap)
        {
            Problem(nameof(options.RetryInitialDelay), "must be positive and at most 60 seconds.");
        }

        return problems;
    }

    private static void ValidateTls(MqttLinkOptions options, Func<string, string?> environment, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(options.CaFile))
        {
            problem(nameof(options.CaFile), "required with TLS; the PEM file of the exchange's CA.");
        }
        else if (!File.Exists(options.CaFile))
        {
            problem(nameof(options.CaFile), $"file not found ({options.CaFile}).");
        }

        var hasCert = !string.IsNullOrWhiteSpace(options.ClientCertFile);
        var hasKey = !string.IsNullOrWhiteSpace(options.ClientKeyFile);
        if (hasCert != hasKey)
        {
            problem(hasCert ? nameof(options.ClientKeyFile) : nameof(options.ClientCertFile),
                "ClientCertFile and ClientKeyFile go together; set both or neither.");
        }

        if (hasCert && !File.Exists(options.ClientCertFile))
        {
            problem(nameof(options.ClientCertFile), $"file not found ({options.ClientCertFile}).");
        }

        var keyPath = CredentialPaths.ResolveClientKey(options.ClientKeyFile, environment);
        if (hasKey && !File.Exists(keyPath))
        {
            problem(nameof(options.ClientKeyFile), $"file not found ({keyPath}); relative paths are looked up in $CREDENTIALS_DIRECTORY when set.");
        }
    }
}
