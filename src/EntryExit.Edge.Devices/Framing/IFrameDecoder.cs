namespace EntryExit.Edge.Devices.Framing;

/// <summary>
/// Turns the byte stream of one document reader into complete text frames. A decoder is fed arbitrary chunks
/// (a frame may be split across reads, several frames may share one read, noise may sit between them) and
/// yields each complete frame as its lines joined by <c>'\n'</c>. It never throws on bad input and its buffers
/// are bounded. It knows nothing of what the text means: a frame that is no MRZ is still a frame.
/// </summary>
/// <remarks>Not thread-safe: one decoder belongs to one reader thread.</remarks>
public interface IFrameDecoder
{
    /// <summary>Bytes dropped so far as noise, oversized lines or broken frames (for diagnostics only).</summary>
    long DiscardedBytes { get; }

    /// <summary>Feeds one chunk as read from the device; complete frames are added to <paramref name="frames"/>.</summary>
    /// <param name="chunk">The bytes read, in order.</param>
    /// <param name="frames">Receives each frame completed by this chunk.</param>
    void Feed(ReadOnlySpan<byte> chunk, ICollection<string> frames);

    /// <summary>
    /// Called when a read returned nothing (read timeout): a decoder that frames by idle time completes its
    /// pending frame once the idle gap has passed. Other decoders do nothing.
    /// </summary>
    /// <param name="frames">Receives a frame completed by the idle gap.</param>
    void Poll(ICollection<string> frames);

    /// <summary>End of stream: a line-based decoder completes what it holds; a delimited one drops its partial frame.</summary>
    /// <param name="frames">Receives the last frame, if any.</param>
    void Flush(ICollection<string> frames);

    /// <summary>Drops any partial frame (the device was unplugged or reopened).</summary>
    void Reset();
}
