namespace EntryExit.Edge.Storage;

/// <summary>The answer to one <see cref="SqliteOutbox.AppendAsync"/> call. Never holds personal data.</summary>
/// <param name="Outcome">Stored, Duplicate or Rejected.</param>
/// <param name="RecordId">The id of the record that is (or already was) in the outbox; the appended id when rejected.</param>
/// <param name="ErrorCode">A stable code from <see cref="OutboxErrorCodes"/> when rejected; otherwise null.</param>
/// <param name="Message">A message the booth or a technician can act on when rejected; otherwise null.</param>
public sealed record AppendResult(AppendOutcome Outcome, Guid RecordId, string? ErrorCode = null, string? Message = null)
{
    /// <summary>True when the record is (now or already) safely in the outbox.</summary>
    public bool IsAccepted => Outcome is AppendOutcome.Stored or AppendOutcome.Duplicate;
}
