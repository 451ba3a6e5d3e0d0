namespace EntryExit.Edge.Domain.Mrz;

/// <summary>One OCR repair applied to the input: at <paramref name="Line"/>, <paramref name="Column"/> (both 1-based)
/// the character <paramref name="From"/> was read as <paramref name="To"/>.</summary>
public readonly record struct MrzCorrection(int Line, int Column, char From, char To);
