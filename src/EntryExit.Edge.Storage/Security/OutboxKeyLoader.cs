namespace EntryExit.Edge.Storage.Security;

/// <summary>
/// Reads the outbox key from bytes, a file or systemd's credentials directory, refusing anything unsafe.
/// Every refusal is an <see cref="OutboxException"/> with a stable code: there is no plaintext fall-back.
/// </summary>
internal static class OutboxKeyLoader
{
    internal const int KeyLength = 32;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Builds the keyring: the current key first, then every previous key.</summary>
    public static OutboxKeyring LoadKeyring(OutboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path) || string.IsNullOrWhiteSpace(options.GatewayId) ||
            options.MaxBatchSize < 1 || options.MaxRecords < 1 || options.MaxBytes < 1 || options.DedupeWindow < TimeSpan.Zero)
        {
            throw new OutboxException(OutboxErrorCodes.ConfigInvalid,
                "Outbox settings are incomplete: Path and GatewayId are required; MaxBatchSize, MaxRecords and MaxBytes " +
                "must be positive and DedupeWindow not negative.");
        }

        var current = LoadCurrent(options);
        var previous = options.PreviousKeyFiles.Select(ReadKeyFile).ToList();
        return new OutboxKeyring(current, previous, options.GatewayId);
    }

    private static byte[] LoadCurrent(OutboxOptions options)
    {
        if (!options.Key.IsEmpty)
        {
            return options.Key.Length == KeyLength
                ? options.Key.ToArray()
                : throw new OutboxException(OutboxErrorCodes.KeyWrongSize,
                    $"The configured outbox key is {options.Key.Length} bytes; a key is exactly {KeyLength} raw bytes.");
        }

        if (options.KeyFile is { Length: > 0 } file)
        {
            return ReadKeyFile(file);
        }

        var credentials = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");
        if (!string.IsNullOrEmpty(credentials))
        {
            return ReadKeyFile(Path.Combine(credentials, options.KeyCredentialName));
        }

        throw new OutboxException(OutboxErrorCodes.KeyMissing,
            "No outbox key is configured. Set Outbox:KeyFile, or hand the key over with systemd " +
            $"'LoadCredential={options.KeyCredentialName}:FILE'. Make a key with: " +
            "head -c 32 /dev/urandom > outbox.key && chmod 600 outbox.key");
    }

    /// <summary>Reads one key file after checking it exists, is private to its owner and holds 32 bytes.</summary>
    public static byte[] ReadKeyFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new OutboxException(OutboxErrorCodes.KeyMissing,
                $"The outbox key file '{file}' does not exist. Restore it from the gateway's key escrow, or for a new " +
                $"gateway make one: head -c 32 /dev/urandom > {file} && chmod 600 {file}");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & GroupOrOthers) != 0)
        {
            throw new OutboxException(OutboxErrorCodes.KeyPermissions,
                $"The outbox key file '{file}' is readable or writable by group or others; refusing it. " +
                $"Fix its mode with: chmod 600 {file}");
        }

        byte[] key;
        try
        {
            key = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutboxException(OutboxErrorCodes.KeyUnreadable,
                $"The outbox key file '{file}' cannot be read ({ex.GetType().Name}). " +
                "Check that the service user owns it (mode 600) or hand it over with systemd LoadCredential=.", ex);
        }

        if (key.Length != KeyLength)
        {
            throw new OutboxException(OutboxErrorCodes.KeyWrongSize,
                $"The outbox key file '{file}' holds {key.Length} bytes; a key is exactly {KeyLength} raw bytes " +
                "(not hex or base64). Restore the original key file.");
        }

        return key;
    }
}
