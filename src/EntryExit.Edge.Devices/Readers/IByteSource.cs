namespace EntryExit.Edge.Devices.Readers;

/// <summary>An opened device or file, read with blocking calls on the reader's own thread.</summary>
internal interface IByteSource : IDisposable
{
    /// <summary>
    /// Blocks until bytes arrive or the read timeout passes. Returns the count read, 0 on timeout, or -1 at end
    /// of stream. Throws <see cref="IOException"/> when the device went away.
    /// </summary>
    int Read(Span<byte> buffer);

    /// <summary>Unblocks a pending <see cref="Read"/> if the source can (used on stop).</summary>
    void Interrupt();
}
