namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>One traveller of a generated day, with the ground truth a test checks the gateway against.</summary>
/// <param name="Sequence">Order of arrival over all lanes (0-based).</param>
/// <param name="Lane">The lane.</param>
/// <param name="ArrivesAfter">Offset from the start of the day.</param>
/// <param name="Kind">Who this is.</param>
/// <param name="Document">The clean MRZ lines.</param>
/// <param name="Scans">What the reader sends, in order: a corrupted read is followed by a rescan.</param>
/// <param name="OfficerDeclaration">The status token the officer declares, or null.</param>
/// <param name="Dwell">How long the traveller stays at the booth.</param>
/// <param name="Expected">Ground truth under Phase II.</param>
public sealed record SimulatedTraveller(
    int Sequence,
    string Lane,
    TimeSpan ArrivesAfter,
    TravellerKind Kind,
    IReadOnlyList<string> Document,
    IReadOnlyList<IReadOnlyList<string>> Scans,
    string? OfficerDeclaration,
    TimeSpan Dwell,
    ExpectedOutcome Expected)
{
    /// <summary>Document number as written in the MRZ (for matching delivered records in tests).</summary>
    public string DocumentNumber => Document.Count == 3 ? Document[0][5..14].TrimEnd('<') : Document[1][..9].TrimEnd('<');
}
