using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>A lane sink over a <see cref="VirtualDocumentReader"/>; sends while unplugged are dropped (the traveller is not read).</summary>
/// <param name="reader">The virtual reader (not disposed here).</param>
public sealed class VirtualReaderSink(VirtualDocumentReader reader) : ILaneSink
{
    /// <inheritdoc />
    public void SendDocument(IReadOnlyList<string> lines)
    {
        if (reader.IsPlugged)
        {
            reader.SendDocument(lines);
        }
    }

    /// <inheritdoc />
    public void SendNoise(int count, Random random)
    {
        if (reader.IsPlugged)
        {
            reader.SendNoise(count, random);
        }
    }

    /// <inheritdoc />
    public void Unplug() => reader.Unplug();

    /// <inheritdoc />
    public void Replug() => reader.Replug();
}
