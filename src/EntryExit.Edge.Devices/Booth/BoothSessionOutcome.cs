namespace EntryExit.Edge.Devices.Booth;

/// <summary>A final booth session: what goes to classification and the outbox.</summary>
/// <typeparam name="TScan">The caller's scan type (a parsed document); the booth never looks inside.</typeparam>
/// <param name="Lane">The lane.</param>
/// <param name="Scan">The last good read (a rescan replaces a failed or earlier read); null if none.</param>
/// <param name="Quality">The verdict on <paramref name="Scan"/>, or Unreadable when there is none.</param>
/// <param name="OfficerDeclaration">The officer's status token, or null.</param>
/// <param name="ScanAttempts">Every scan received, good or not.</param>
/// <param name="EndReason">Why it ended.</param>
/// <param name="StartedAt">Start.</param>
/// <param name="EndedAt">End.</param>
public sealed record BoothSessionOutcome<TScan>(
    string Lane,
    TScan? Scan,
    ScanQuality Quality,
    string? OfficerDeclaration,
    int ScanAttempts,
    SessionEndReason EndReason,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt)
{
    /// <summary>A hold that ended without the declaration it waited for.</summary>
    public bool HoldUnresolved => Quality == ScanQuality.NeedsDeclaration && OfficerDeclaration is null;

    /// <summary>Never prints the scan: it holds personal data.</summary>
    /// <returns>Lane, verdict, counts and reason only.</returns>
    public override string ToString() =>
        $"BoothSessionOutcome {{ Lane = {Lane}, Quality = {Quality}, Declared = {OfficerDeclaration is not null}, ScanAttempts = {ScanAttempts}, EndReason = {EndReason} }}";
}
