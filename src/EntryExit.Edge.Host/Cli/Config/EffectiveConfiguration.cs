using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace EntryExit.Edge.Host.Cli.Config;

/// <summary>Flattens a loaded configuration into key paths with secrets masked, plus the defaults the gateway uses
/// for every key the file and the environment leave out.</summary>
internal static class EffectiveConfiguration
{
    public const string Mask = "********";

    // Values, never files: key files are only ever named by path, so printing the settings cannot leak them.
    private static readonly string[] SecretKeys = ["Mqtt:Password"];

    public static IReadOnlyList<EffectiveSetting> Flatten(IConfigurationRoot configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
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

        AddDefaults(settings, configuration, environment);
        settings.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return settings;
    }

    private static void AddDefaults(List<EffectiveSetting> settings, IConfigurationRoot configuration, Func<string, string?> environment)
    {
        var bound = GatewaySettingsLoader.Bind(configuration, environment, out _);
        var set = new HashSet<string>(settings.Select(s => s.Key), StringComparer.OrdinalIgnoreCase);
        AddDefaults(settings, set, "Gateway", bound.Gateway);
        AddDefaults(settings, set, "Exchange", bound.Exchange);
        AddDefaults(settings, set, "Outbox", bound.Outbox);
        AddDefaults(settings, set, "Mqtt", bound.Mqtt);
        if (!set.Contains("Outbox:Path"))
        {
            settings.Add(new EffectiveSetting("Outbox:Path", OutboxSettings.DefaultPath(environment), "default"));
        }

        AddGpioDefaults(settings, set, bound.Gpio);
    }

    private static void AddGpioDefaults(List<EffectiveSetting> settings, HashSet<string> set, GpioSection gpio)
    {
        if (!GpioNames.IsEnabled(gpio))
        {
            if (!set.Contains("Gpio:Driver"))
            {
                settings.Add(new EffectiveSetting("Gpio:Driver", GpioNames.None, "default"));
            }

            return;
        }

        AddDefaults(settings, set, "Gpio", gpio);
        for (var i = 0; i < gpio.Lanes.Count; i++)
        {
            var lane = gpio.Lanes[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"Gpio:Lanes:{i}");
            AddDefaults(settings, set, key, lane);
            if (lane.Presence is { } presence)
            {
                AddDefaults(settings, set, key + ":Presence", presence);
                if (!set.Contains(key + ":Presence:ActiveLevel"))
                {
                    settings.Add(new EffectiveSetting(key + ":Presence:ActiveLevel", GpioNames.EffectiveLevel(presence), "default"));
                }
            }
        }
    }

    private static void AddDefaults<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        List<EffectiveSetting> settings, HashSet<string> set, string section, T values)
    {
        foreach (var property in typeof(T).GetProperties())
        {
            var key = $"{section}:{property.Name}";
            if (!property.CanWrite || property.GetIndexParameters().Length > 0 || set.Contains(key) || !IsScalar(property.PropertyType))
            {
                continue;
            }

            var value = Convert.ToString(property.GetValue(values), CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(value))
            {
                settings.Add(new EffectiveSetting(key, IsSecret(key) ? Mask : value, "default"));
            }
        }
    }

    // Values print as themselves; sections, lists and maps are listed by their own keys.
    private static bool IsScalar(Type type) => type == typeof(string) || (Nullable.GetUnderlyingType(type) ?? type).IsValueType;

    public static bool IsSecret(string key) =>
        SecretKeys.Any(s => string.Equals(s, key, StringComparison.OrdinalIgnoreCase))
        || key.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase);
}
