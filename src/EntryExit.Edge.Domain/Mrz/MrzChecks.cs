namespace EntryExit.Edge.Domain.Mrz;

/// <summary>Per-field check-digit results after any corrections; <c>null</c> where the format has no such check
/// (or, for <see cref="OptionalData"/> in TD3, where the check position holds a filler over an empty field).</summary>
public readonly record struct MrzChecks(
    bool? DocumentNumber,
    bool? DateOfBirth,
    bool? ExpiryDate,
    bool? OptionalData,
    bool? Composite)
{
    /// <summary>True when no check that the format has failed.</summary>
    public bool AllPass =>
        DocumentNumber != false && DateOfBirth != false && ExpiryDate != false && OptionalData != false && Composite != false;
}
