namespace EntryExit.Edge.Devices.Readers;

/// <summary>An opened device or file, read with blocking calls on the reader's own thread.</summary>
internal interface IByteSource : IDisposable
{
    /// <summary>
    /// Blocks until bytes arrive. Returns the count read (0 if nothing came, e.g. a timeout), or -1 at end of
    /// stream. Throws when the device went away or the source was interrupted.
    /// </summary>
    int Read(Span<byte> buffer);

    /// <summary>Unblocks a pending <see cref="Read"/> (used on stop); called from another thread.</summary>
    void Interrupt();
}
