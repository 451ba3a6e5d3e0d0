using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>
/// A lane sink writing to a FIFO (or file) the gateway's line reader watches. Each document is written by a
/// fresh open-write-close, as a keyboard-wedge bridge would; unplug is not simulated.
/// </summary>
/// <param name="path">The FIFO path.</param>
/// <param name="framing">The framing to write.</param>
public sealed class FifoSink(string path, SimFraming framing) : ILaneSink
{
    /// <inheritdoc />
    public void SendDocument(IReadOnlyList<string> lines) => Write(FrameWriter.Encode(framing, lines));

    /// <inheritdoc />
    public void SendNoise(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var noise = new byte[count];
        for (var i = 0; i < count; i++)
        {
            noise[i] = (byte)random.Next(0x20, 0x7F);
        }

        Write([.. noise, 0x0D, 0x0D]);
    }

    /// <inheritdoc />
    public void Unplug()
    {
    }

    /// <inheritdoc />
    public void Replug()
    {
    }

    private void Write(byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        stream.Write(bytes);
    }
}
