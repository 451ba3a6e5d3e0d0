namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>How a check came out.</summary>
internal enum CheckOutcome
{
    /// <summary>✔ fine.</summary>
    Ok,

    /// <summary>⚠ works, but needs attention soon.</summary>
    Warning,

    /// <summary>✖ the gateway cannot work like this.</summary>
    Error,
}
