using System.Reflection;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>The gateway's version, as reported in health messages and <c>--version</c>.</summary>
public static class VersionInfo
{
    /// <summary>The informational version of the executable.</summary>
    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
