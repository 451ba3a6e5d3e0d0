using System.CommandLine;
using System.Text.Json;

namespace EntryExit.Edge.Host.Cli.Outbox;

/// <summary>Where the outbox file is: <c>--db PATH</c>, or the "Outbox" section of <c>--config FILE</c>.</summary>
internal sealed class OutboxLocation
{
    private readonly Option<string> _config = new("--config") { Description = "Gateway JSON configuration; its \"Outbox\" section gives Path (and KeyFile)." };
    private readonly Option<string> _db = new("--db") { Description = "The outbox database file (instead of --config)." };

    /// <summary>Adds <c>--config</c> and <c>--db</c> to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_db);
    }

    /// <summary>The database path, or a usage error telling the technician what to pass.</summary>
    public bool TryResolve(ParseResult parseResult, out string path, out string error)
    {
        var db = parseResult.GetValue(_db);
        var config = parseResult.GetValue(_config);
        path = "";
        error = "";
        if (db is not null && config is not null)
        {
            error = "Pass either --db PATH or --config FILE, not both.";
            return false;
        }

        if (db is not null)
        {
            path = db;
            return true;
        }

        if (config is null)
        {
            error = "Say which outbox: --db PATH (the outbox database) or --config FILE (the gateway's JSON configuration).";
            return false;
        }

        return TryReadConfig(config, out path, out error);
    }

    private static bool TryReadConfig(string file, out string path, out string error)
    {
        path = "";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            // Only Path is needed: no command here opens a sealed body, so the key (KeyFile) is not read.
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("Outbox", out var section) && section.ValueKind == JsonValueKind.Object &&
                section.TryGetProperty("Path", out var value) && value.ValueKind == JsonValueKind.String &&
                value.GetString() is { Length: > 0 } configured)
            {
                path = Path.IsPathRooted(configured) ? configured : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, configured);
                error = "";
                return true;
            }

            error = $"The configuration '{file}' has no \"Outbox\": {{ \"Path\": \"...\" }} setting. Add it, or pass --db PATH.";
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            error = $"The configuration '{file}' cannot be read ({ex.GetType().Name}: {ex.Message}). Check the path and its JSON.";
            return false;
        }
    }
}
