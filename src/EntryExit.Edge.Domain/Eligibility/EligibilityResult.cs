namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>The policy's verdict on one document.</summary>
/// <param name="Decision">send, exclude or hold.</param>
/// <param name="Category">The traveller category the rule settled on.</param>
/// <param name="Rule">Stable id of the rule that fired (e.g. "R6-citizen-document").</param>
/// <param name="Reason">A sentence a technician can read. Never contains personal data.</param>
public sealed record EligibilityResult(Decision Decision, TravellerCategory Category, string Rule, string Reason);
