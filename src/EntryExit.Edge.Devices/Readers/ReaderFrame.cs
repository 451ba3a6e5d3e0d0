namespace EntryExit.Edge.Devices.Readers;

/// <summary>One complete frame from a document reader: raw text, lines joined by <c>'\n'</c>, not yet parsed.</summary>
/// <param name="ReaderId">The configured reader id.</param>
/// <param name="Lane">The lane the reader serves.</param>
/// <param name="Text">The frame's text (may hold an MRZ, or not: the pipeline decides and reports).</param>
/// <param name="ReceivedAt">When the frame was completed.</param>
public sealed record ReaderFrame(string ReaderId, string Lane, string Text, DateTimeOffset ReceivedAt)
{
    /// <summary>Never prints <see cref="Text"/>: it may hold an MRZ, and records end up in logs.</summary>
    /// <returns>Reader, lane, time and length only.</returns>
    public override string ToString() => $"ReaderFrame {{ ReaderId = {ReaderId}, Lane = {Lane}, Length = {Text.Length}, ReceivedAt = {ReceivedAt:O} }}";
}
