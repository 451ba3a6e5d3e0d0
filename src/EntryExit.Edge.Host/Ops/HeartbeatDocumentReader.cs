using System.Threading.Channels;
using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Host.Pipeline;

namespace EntryExit.Edge.Host.Ops;

/// <summary>A reader that notes each document frame it hands to the pipeline, so a frame that never comes out of
/// the MRZ engine and outbox shows as a stall. Officer declarations are not documents and are not counted.</summary>
public sealed class HeartbeatDocumentReader(IDocumentReader inner, PipelineHeartbeats heartbeats) : IDocumentReader
{
    /// <inheritdoc/>
    public string ReaderId => inner.ReaderId;

    /// <inheritdoc/>
    public string Lane => inner.Lane;

    /// <inheritdoc/>
    public ReaderState State => inner.State;

    /// <inheritdoc/>
    public event EventHandler<ReaderStateChangedEventArgs>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    /// <inheritdoc/>
    public Task RunAsync(ChannelWriter<ReaderFrame> frames, CancellationToken cancellationToken) =>
        inner.RunAsync(new CountingWriter(frames, heartbeats), cancellationToken);

    private sealed class CountingWriter(ChannelWriter<ReaderFrame> inner, PipelineHeartbeats heartbeats) : ChannelWriter<ReaderFrame>
    {
        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);

        public override bool TryWrite(ReaderFrame item)
        {
            // Counted before the write: the pipeline may finish the frame before the write call returns.
            var counted = Count(item);
            if (inner.TryWrite(item))
            {
                return true;
            }

            Uncount(counted);
            return false;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inner.WaitToWriteAsync(cancellationToken);

        public override async ValueTask WriteAsync(ReaderFrame item, CancellationToken cancellationToken = default)
        {
            var counted = Count(item);
            try
            {
                await inner.WriteAsync(item, cancellationToken);
            }
            catch
            {
                Uncount(counted);
                throw;
            }
        }

        private bool Count(ReaderFrame item)
        {
            if (OfficerDeclarations.TryRead(item.Text, out _))
            {
                return false;
            }

            heartbeats.FrameForwarded();
            return true;
        }

        private void Uncount(bool counted)
        {
            if (counted)
            {
                heartbeats.FrameWithdrawn();
            }
        }
    }
}
