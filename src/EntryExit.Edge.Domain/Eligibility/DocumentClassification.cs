namespace EntryExit.Edge.Domain.Eligibility;

/// <summary>The result of <see cref="DocumentClassifier.Classify"/>.</summary>
/// <param name="Kind">The kind the policy reasons about.</param>
/// <param name="DocumentType">The normalised type written to the record (one of
/// <see cref="Records.DocumentTypes"/>).</param>
public readonly record struct DocumentClassification(DocumentKind Kind, string DocumentType);
