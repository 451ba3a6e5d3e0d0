using Microsoft.Extensions.Configuration;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>Builds the gateway's configuration: one JSON file, then environment variables prefixed
/// <see cref="EnvironmentPrefix"/> (<c>ENTRYEXIT_Mqtt__Host=broker.example</c> overrides <c>Mqtt:Host</c>).</summary>
public static class GatewayConfigurationLoader
{
    /// <summary>Prefix of environment variables that override file settings.</summary>
    public const string EnvironmentPrefix = "ENTRYEXIT_";

    /// <summary>Loads the file (which must exist) and the environment overrides. Throws
    /// <see cref="ConfigurationFileException"/> when the file is missing or is not valid JSON.</summary>
    public static IConfigurationRoot Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ConfigurationFileException($"Configuration file '{path}' does not exist. Pass --config with the path of the gateway's JSON configuration.");
        }

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(full, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The JSON provider's message names the line and position of a syntax error; it holds no secrets.
            throw new ConfigurationFileException($"Configuration file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
