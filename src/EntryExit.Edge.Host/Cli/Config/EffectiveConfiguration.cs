using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace EntryExit.Edge.Host.Cli.Config;

/// <summary>One effective setting: its key path, its value (masked when secret) and where it came from.</summary>
/// <param name="Key">The key path, e.g. <c>Mqtt:Host</c>.</param>
/// <param name="Value">The value, or <see cref="EffectiveConfiguration.Mask"/> for a secret.</param>
/// <param name="Source"><c>file</c> or <c>environment</c>.</param>
internal sealed record EffectiveSetting(string Key, string? Value, string Source);

/// <summary>Flattens a loaded configuration into key paths with secrets masked.</summary>
internal static class EffectiveConfiguration
{
    public const string Mask = "********";

    // Values, never files: key files are only ever named by path, so printing the settings cannot leak them.
    private static readonly string[] SecretKeys = ["Mqtt:Password"];

    public static IReadOnlyList<EffectiveSetting> Flatten(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new List<EffectiveSetting>();
        foreach (var (key, value) in configuration.AsEnumerable(makePathsRelative: false))
        {
            if (value is null)
            {
                continue; // a section, not a value
            }

            var source = configuration.Providers.LastOrDefault(p => p.TryGet(key, out _)) is EnvironmentVariablesConfigurationProvider ? "environment" : "file";
            settings.Add(new EffectiveSetting(key, IsSecret(key) && value.Length > 0 ? Mask : value, source));
        }

        settings.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return settings;
    }

    public static bool IsSecret(string key) =>
        SecretKeys.Any(s => string.Equals(s, key, StringComparison.OrdinalIgnoreCase))
        || key.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase);
}
