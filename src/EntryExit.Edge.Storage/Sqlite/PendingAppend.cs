namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>An append already serialized and sealed, waiting in the group-commit queue.</summary>
internal sealed class PendingAppend(Guid recordId, byte[] dedupeHash, string keyId, byte[] sealedBody)
{
    public Guid RecordId { get; } = recordId;
    public byte[] DedupeHash { get; } = dedupeHash;
    public string KeyId { get; } = keyId;
    public byte[] SealedBody { get; } = sealedBody;

    /// <summary>Completed only after the transaction holding this append is committed (or the append refused).</summary>
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
