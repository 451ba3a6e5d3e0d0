namespace EntryExit.Edge.Devices.Readers;

/// <summary>A stream read with blocking reads; <see cref="Interrupt"/> runs a source-specific wake-up.</summary>
internal sealed class StreamByteSource(Stream stream, Action? interrupt, bool ownsStream) : IByteSource
{
    public int Read(Span<byte> buffer)
    {
        var read = stream.Read(buffer);
        return read == 0 ? -1 : read;
    }

    public void Interrupt() => interrupt?.Invoke();

    public void Dispose()
    {
        if (ownsStream)
        {
            stream.Dispose();
        }
    }
}
