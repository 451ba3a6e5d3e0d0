namespace EntryExit.Edge.Host.Cli;

/// <summary>Process exit codes. Part of the command-line contract: scripts and systemd rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded (for <c>mrz parse</c>: every document is valid).</summary>
    public const int Ok = 0;
    /// <summary>The command ran, but a document or a check failed (for <c>mrz parse</c>: some document is not valid).</summary>
    public const int Failed = 1;
    /// <summary>The command line or the configuration is wrong; retrying the same thing cannot help.</summary>
    public const int Usage = 2;
}
