namespace EntryExit.Edge.Transport;

/// <summary>Where secret files live: systemd hands credentials over in $CREDENTIALS_DIRECTORY.</summary>
public static class CredentialPaths
{
    /// <summary>The environment variable systemd sets for LoadCredential=.</summary>
    public const string CredentialsDirectoryVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>
    /// Resolves the client key path: a relative path goes under $CREDENTIALS_DIRECTORY when it is set,
    /// otherwise it stays relative to the working directory. Absolute paths are kept.
    /// </summary>
    public static string? ResolveClientKey(string? path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path))
        {
            return path;
        }

        var credentials = environment(CredentialsDirectoryVariable);
        return string.IsNullOrWhiteSpace(credentials) ? path : Path.Combine(credentials, path);
    }
}
