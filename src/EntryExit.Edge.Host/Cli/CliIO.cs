namespace EntryExit.Edge.Host.Cli;

/// <summary>The standard streams a command uses, so tests can run commands in process.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: diagnostics for the technician.</param>
public sealed record CliIO(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's console.</summary>
    public static CliIO Console => new(System.Console.In, System.Console.Out, System.Console.Error);
}
