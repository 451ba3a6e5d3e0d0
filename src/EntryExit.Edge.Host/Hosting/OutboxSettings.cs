using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>Maps the <c>Outbox</c> section onto the storage library's options, with the service's default paths.</summary>
public static class OutboxSettings
{
    /// <summary>The outbox options for this gateway.</summary>
    public static OutboxOptions ToOptions(GatewaySettings settings, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var section = settings.Outbox;
        return new OutboxOptions
        {
            Path = string.IsNullOrWhiteSpace(section.Path) ? DefaultPath(environment) : section.Path,
            KeyFile = string.IsNullOrWhiteSpace(section.KeyFile) ? null : section.KeyFile,
            GatewayId = settings.Gateway.Id,
            DedupeWindow = TimeSpan.FromMinutes(section.DedupeWindowMinutes),
            MaxPendingAge = TimeSpan.FromDays(section.MaxPendingAgeDays),
            DeliveredRetention = TimeSpan.FromDays(section.DeliveredRetentionDays),
            MaxBytes = section.MaxBytes,
            MaxRecords = section.MaxRecords,
        };
    }

    /// <summary><c>$STATE_DIRECTORY/outbox.db</c> under systemd (StateDirectory=), else <c>outbox.db</c> here.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // systemd may list several state directories separated by ':'; the first is ours.
        var state = environment("STATE_DIRECTORY")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return Path.Combine(state ?? ".", "outbox.db");
    }
}
