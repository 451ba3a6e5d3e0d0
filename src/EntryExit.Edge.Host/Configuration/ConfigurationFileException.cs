namespace EntryExit.Edge.Host.Configuration;

/// <summary>The configuration file is missing or unreadable. The message says which file and what to do.</summary>
public sealed class ConfigurationFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationFileException()
    {
    }

    /// <summary>Creates the exception with a technician-facing message.</summary>
    public ConfigurationFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a technician-facing message and its cause.</summary>
    public ConfigurationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
