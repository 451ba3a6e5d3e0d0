using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>The result of processing one scan. Holds no personal data.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Verdict">The policy's verdict, when the frame was an MRZ.</param>
/// <param name="RecordId">The record id when one was stored (or matched as a duplicate).</param>
/// <param name="Code">A stable code for Unreadable/Rejected outcomes.</param>
/// <param name="Message">What a technician or the booth should do.</param>
public sealed record ScanOutcome(ScanOutcomeKind Kind, EligibilityResult? Verdict, Guid? RecordId = null, string? Code = null, string? Message = null);
