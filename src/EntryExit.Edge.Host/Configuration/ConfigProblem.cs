namespace EntryExit.Edge.Host.Configuration;

/// <summary>One thing wrong with the configuration: the key path (e.g. <c>Mqtt:CaFile</c>) and what is wrong.</summary>
public sealed record ConfigProblem(string Key, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Key}: {Message}";
}
