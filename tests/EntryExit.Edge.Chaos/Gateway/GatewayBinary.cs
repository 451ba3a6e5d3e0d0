using System.Diagnostics;

namespace EntryExit.Edge.Chaos.Gateway;

/// <summary>The gateway executable the run starts: the published binary, or the build output.</summary>
internal sealed class GatewayBinary
{
    private GatewayBinary(string fileName, string[] prefix, string description)
    {
        FileName = fileName;
        Prefix = prefix;
        Description = description;
    }

    public string FileName { get; }

    /// <summary>Arguments before the gateway's own (<c>exec entryexit-edge.dll</c> when run through <c>dotnet</c>).</summary>
    public IReadOnlyList<string> Prefix { get; }

    public string Description { get; }

    /// <summary>An executable or a .dll given by the caller; else the build output of src/EntryExit.Edge.Host.</summary>
    public static GatewayBinary Resolve(string? path)
    {
        if (path is null)
        {
            var root = RepositoryRoot() ?? throw new InvalidOperationException(
                "Cannot find the repository (EntryExit.Edge.sln) above the runner; pass --gateway PATH.");
#if DEBUG
            const string Configuration = "Debug";
#else
            const string Configuration = "Release";
#endif
            var output = Path.Combine(root, "src", "EntryExit.Edge.Host", "bin", Configuration, "net10.0");
            var apphost = Path.Combine(output, "entryexit-edge");
            path = File.Exists(apphost) ? apphost : Path.Combine(output, "entryexit-edge.dll");
        }

        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No gateway at '{path}'. Build src/EntryExit.Edge.Host or publish it (deploy-edge/scripts/publish.sh).", path);
        }

        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return new GatewayBinary("dotnet", ["exec", path], $"dotnet exec {Shorten(path)}");
        }

        var published = File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "entryexit-edge.dll")) ? "build output" : "published single file";
        return new GatewayBinary(path, [], $"{Shorten(path)} ({published})");
    }

    public ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(FileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in Prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The gateway reads ENTRYEXIT_* as configuration overrides and refuses names it does not know: it gets only
        // the configuration file the runner wrote, not whatever the caller's environment carries.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ENTRYEXIT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        return start;
    }

    /// <summary>The repository root above the runner's folder, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntryExit.Edge.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    // Relative to the repository when inside it: reports must not name this machine's paths.
    private static string Shorten(string path)
    {
        var root = RepositoryRoot();
        return root is not null && path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path[(root.Length + 1)..] : Path.GetFileName(path);
    }
}
