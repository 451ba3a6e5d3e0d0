using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>One document read at a lane, with the officer's declaration if the booth gave one.</summary>
/// <param name="ReaderId">The reader that read it.</param>
/// <param name="Lane">The lane.</param>
/// <param name="Text">The MRZ text as framed by the reader (personal data: never log it).</param>
/// <param name="ReceivedAt">When the frame arrived.</param>
/// <param name="Declared">The officer-declared status, <see cref="DeclaredStatus.None"/> when none.</param>
public sealed record ScanInput(string ReaderId, string Lane, string Text, DateTimeOffset ReceivedAt, DeclaredStatus Declared = DeclaredStatus.None)
{
    /// <inheritdoc/>
    public override string ToString() => $"ScanInput {{ ReaderId = {ReaderId}, Lane = {Lane}, Length = {Text.Length} }}";
}
