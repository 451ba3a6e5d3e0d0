namespace EntryExit.Edge.Host.Ops;

/// <summary>Where the status socket is created and with which file mode.</summary>
/// <param name="Path">The socket's path.</param>
/// <param name="Mode">Its permissions: they are the access control.</param>
public sealed record StatusSocketOptions(string Path, UnixFileMode Mode)
{
    /// <summary>The service's defaults (see <see cref="StatusSocketPath"/>).</summary>
    public static StatusSocketOptions FromEnvironment(Func<string, string?> environment) =>
        new(StatusSocketPath.ForService(environment), StatusSocketPath.ModeFor(environment));
}
