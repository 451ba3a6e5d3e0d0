using System.Threading.Channels;
using EntryExit.Edge.Devices.Readers;

namespace EntryExit.Edge.Host.Demo;

/// <summary>An in-process document reader for one demo lane: frames written to it come out as a reader's frames.</summary>
internal sealed class SimulatedLaneReader(string readerId, string lane, TimeProvider time) : IDocumentReader
{
    private readonly Channel<string> _frames = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public string ReaderId { get; } = readerId;

    public string Lane { get; } = lane;

    public ReaderState State { get; private set; } = ReaderState.Disconnected;

    public event EventHandler<ReaderStateChangedEventArgs>? StateChanged;

    public void Send(string frame) => _frames.Writer.TryWrite(frame);

    public void Complete() => _frames.Writer.TryComplete();

    public async Task RunAsync(ChannelWriter<ReaderFrame> frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        State = ReaderState.Connected;
        StateChanged?.Invoke(this, new ReaderStateChangedEventArgs(ReaderId, Lane, State, null, time.GetUtcNow()));
        await foreach (var text in _frames.Reader.ReadAllAsync(cancellationToken))
        {
            await frames.WriteAsync(new ReaderFrame(ReaderId, Lane, text, time.GetUtcNow()), cancellationToken);
        }
    }
}
