using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.HardwareSim.Scenarios;

/// <summary>
/// A lane sink over a <see cref="VirtualDocumentReader"/>. Sends while unplugged, or while nobody reads the
/// device, are dropped and counted (the traveller is not read), so one dead lane never stalls the day.
/// </summary>
/// <param name="reader">The virtual reader (not disposed here).</param>
public sealed class VirtualReaderSink(VirtualDocumentReader reader) : ILaneSink
{
    /// <summary>Documents and noise bursts that could not be delivered.</summary>
    public int Dropped { get; private set; }

    /// <inheritdoc />
    public void SendDocument(IReadOnlyList<string> lines) => Try(() => reader.SendDocument(lines));

    /// <inheritdoc />
    public void SendNoise(int count, Random random) => Try(() => reader.SendNoise(count, random));

    /// <inheritdoc />
    public void Unplug() => reader.Unplug();

    /// <inheritdoc />
    public void Replug() => reader.Replug();

    private void Try(Action send)
    {
        try
        {
            send();
        }
        catch (IOException)
        {
            Dropped++;
        }
    }
}
