namespace EntryExit.Edge.Host.Ops;

/// <summary>Where the running gateway answers <c>status</c>: a Unix socket, never a TCP port.</summary>
public static class StatusSocketPath
{
    /// <summary>The socket's file name inside systemd's RuntimeDirectory.</summary>
    public const string FileName = "status.sock";

    /// <summary>Outside systemd: this name in the working directory.</summary>
    public const string FallbackName = "entryexit-edge.sock";

    /// <summary>The packaged unit's RuntimeDirectory (RuntimeDirectory=entryexit-edge), where a shell finds the service.</summary>
    public const string PackagedRuntimeDirectory = "/run/entryexit-edge";

    /// <summary>For the service: <c>$RUNTIME_DIRECTORY/status.sock</c> under systemd, else <c>./entryexit-edge.sock</c>.</summary>
    public static string ForService(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // systemd may list several runtime directories separated by ':'; the first is ours.
        var runtime = environment("RUNTIME_DIRECTORY")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return runtime is null ? Path.GetFullPath(FallbackName) : Path.Combine(runtime, FileName);
    }

    /// <summary>For the command line: the service's path when run under the same environment, else the packaged
    /// service's socket when it exists (a technician's shell has no RUNTIME_DIRECTORY), else the fallback.</summary>
    public static string ForClient(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("RUNTIME_DIRECTORY") is not null)
        {
            return ForService(environment);
        }

        var packaged = Path.Combine(PackagedRuntimeDirectory, FileName);
        return File.Exists(packaged) ? packaged : Path.GetFullPath(FallbackName);
    }

    /// <summary>Group members may ask (0660) inside systemd's RuntimeDirectory, which the unit restricts to the
    /// service's group; elsewhere only the owner (0600).</summary>
    public static UnixFileMode ModeFor(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return environment("RUNTIME_DIRECTORY") is null ? owner : owner | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
    }
}
