using EntryExit.Edge.Transport;
using Microsoft.Extensions.Configuration;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>Binds and validates the configuration, collecting every problem (with its key path) instead of stopping
/// at the first: a technician fixes them all in one edit.</summary>
public static class GatewaySettingsLoader
{
    /// <summary>Binds <paramref name="configuration"/>; <paramref name="problems"/> is empty when it is usable.</summary>
    public static GatewaySettings Bind(IConfiguration configuration, Func<string, string?> environment, out IReadOnlyList<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new List<ConfigProblem>();
        var settings = new GatewaySettings
        {
            Gateway = BindSection(configuration, "Gateway", found, s => s.Get<GatewaySection>()) ?? new(),
            Exchange = BindSection(configuration, "Exchange", found, s => s.Get<ExchangeSection>()) ?? new(),
            Outbox = BindSection(configuration, "Outbox", found, s => s.Get<OutboxSection>()) ?? new(),
            Mqtt = BindSection(configuration, "Mqtt", found, s => s.Get<MqttLinkOptions>()) ?? new(),
            Booth = BindSection(configuration, "Booth", found, s => s.Get<BoothSection>()) ?? new(),
            Readers = BindSection(configuration, "Readers", found, s => s.Get<List<ReaderSection>>()) ?? [],
            Gpio = BindSection(configuration, "Gpio", found, s => s.Get<GpioSection>()) ?? new(),
        };

        UnknownKeyCheck.Check(configuration, KnownKeys.All, found);
        GatewaySettingsValidator.Validate(settings.Gateway, settings.Exchange, settings.Readers, found);
        ValidateOutbox(settings.Outbox, found);
        ValidateBooth(settings.Booth, found);
        GpioSettingsValidator.Validate(settings.Gpio, settings.Readers, found);
        foreach (var problem in MqttLinkOptionsValidator.Validate(settings.Mqtt, environment))
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            found.Add(colon > 0 ? new ConfigProblem(problem[..colon], problem[(colon + 2)..]) : new ConfigProblem("Mqtt", problem));
        }

        problems = found;
        return settings;
    }

    private static T? BindSection<T>(IConfiguration configuration, string name, List<ConfigProblem> problems, Func<IConfigurationSection, T?> bind)
        where T : class
    {
        try
        {
            return bind(configuration.GetSection(name));
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the expected type, e.g. "Failed to convert configuration value at 'Mqtt:Port' to type 'System.Int32'".
            problems.Add(new ConfigProblem(name, e.Message));
            return null;
        }
    }

    private static void ValidateBooth(BoothSection booth, List<ConfigProblem> problems)
    {
        if (booth.SettleSeconds is < 0.1 or > 600)
        {
            problems.Add(new("Booth:SettleSeconds", "must be between 0.1 and 600 seconds."));
        }

        if (booth.DeclarationTimeoutSeconds is < 1 or > 3600)
        {
            problems.Add(new("Booth:DeclarationTimeoutSeconds", "must be between 1 and 3600 seconds."));
        }

        if (booth.MaxSessionSeconds is < 1 or > 7200)
        {
            problems.Add(new("Booth:MaxSessionSeconds", "must be between 1 and 7200 seconds."));
        }
    }

    private static void ValidateOutbox(OutboxSection outbox, List<ConfigProblem> problems)
    {
        if (outbox.DedupeWindowMinutes is < 0 or > 1440)
        {
            problems.Add(new("Outbox:DedupeWindowMinutes", "must be between 0 and 1440 minutes."));
        }

        if (outbox.MaxPendingAgeDays is <= 0 or > 365)
        {
            problems.Add(new("Outbox:MaxPendingAgeDays", "must be more than 0 and at most 365 days."));
        }

        if (outbox.DeliveredRetentionDays is < 0 or > 365)
        {
            problems.Add(new("Outbox:DeliveredRetentionDays", "must be between 0 and 365 days."));
        }

        if (outbox.MaxBytes < 1 << 20)
        {
            problems.Add(new("Outbox:MaxBytes", "must be at least 1 MiB (1048576)."));
        }

        if (outbox.MaxRecords < 1000)
        {
            problems.Add(new("Outbox:MaxRecords", "must be at least 1000."));
        }
    }
}
