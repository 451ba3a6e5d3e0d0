namespace EntryExit.Edge.Domain.Mrz;

/// <summary>A problem found in an MRZ. <paramref name="Code"/> is stable (see <see cref="MrzErrorCodes"/>);
/// <paramref name="Message"/> tells a technician what is wrong and where, and never contains MRZ text.</summary>
public sealed record MrzError(string Code, string Message);
