using Microsoft.Extensions.Configuration;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>
/// Finds settings the gateway does not know, so a misspelt key ("Mqtt:CAFile" for "Mqtt:CaFile" is fine, keys are
/// case-insensitive; "Mqtt:CertFile" is not) is reported instead of silently falling back to a default.
/// </summary>
internal static class UnknownKeyCheck
{
    /// <summary>Sections owned by the .NET host whose contents are not ours to check.</summary>
    private static readonly string[] OpenSections = ["Logging"];

    /// <summary>In a known key, a last segment that stands for any name (the entries of a map such as
    /// <c>Gpio:Lanes:*:OfficerPins</c>, whose names their section's validator checks).</summary>
    public const string AnyName = "{name}";

    public static void Check(IConfiguration configuration, IReadOnlySet<string> knownKeys, List<ConfigProblem> problems)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null || IsOpen(key))
            {
                continue; // a section, not a leaf
            }

            var pattern = string.Join(':', key.Split(':').Select(segment => IsIndex(segment) ? "*" : segment));
            if (!knownKeys.Contains(pattern) && !knownKeys.Contains(pattern[..(pattern.LastIndexOf(':') + 1)] + AnyName))
            {
                problems.Add(new(key, "is not a setting the gateway knows; check its spelling against the README's configuration reference."));
            }
        }
    }

    private static bool IsOpen(string key) =>
        OpenSections.Any(s => key.Equals(s, StringComparison.OrdinalIgnoreCase) || key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);
}
