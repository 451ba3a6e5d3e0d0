namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>A build of <c>entryexit-edge</c> to run as a process: its name in the table and how to start it.</summary>
/// <param name="Name">"JIT" or "Native AOT".</param>
/// <param name="Executable">The program to start.</param>
/// <param name="PrefixArgs">Arguments before the gateway's own (<c>exec entryexit-edge.dll</c> for a framework-dependent build).</param>
/// <param name="Description">What it is, for the table's notes.</param>
internal sealed record GatewayBuild(string Name, string Executable, string[] PrefixArgs, string Description)
{
    /// <summary>A published binary (<c>artifacts/publish/&lt;variant&gt;/entryexit-edge</c>), or null when absent.</summary>
    public static GatewayBuild? Published(string name, string? path, string description) =>
        path is not null && File.Exists(path) ? new GatewayBuild(name, Path.GetFullPath(path), [], description) : null;

    /// <summary>The framework-dependent build next to the harness (always there: the harness references the Host).</summary>
    public static GatewayBuild BuildOutput()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "entryexit-edge.dll");
        return new GatewayBuild("JIT", "dotnet", ["exec", dll], "framework-dependent build output (dotnet exec), not the published single file");
    }
}
