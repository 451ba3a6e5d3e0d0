namespace EntryExit.Edge.Host.Cli.Config;

/// <summary>One effective setting: its key path, its value (masked when secret) and where it came from.</summary>
/// <param name="Key">The key path, e.g. <c>Mqtt:Host</c>.</param>
/// <param name="Value">The value, or <see cref="EffectiveConfiguration.Mask"/> for a secret.</param>
/// <param name="Source"><c>file</c>, <c>environment</c> or <c>default</c>.</param>
internal sealed record EffectiveSetting(string Key, string? Value, string Source);
