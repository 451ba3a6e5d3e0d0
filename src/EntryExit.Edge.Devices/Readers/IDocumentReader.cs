using System.Threading.Channels;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>
/// A document reader on one lane: yields raw text frames and reports its connection state. Several readers
/// may write to one channel; each frame carries its reader id and lane.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The configured reader id.</summary>
    string ReaderId { get; }

    /// <summary>The lane it serves.</summary>
    string Lane { get; }

    /// <summary>The current state.</summary>
    ReaderState State { get; }

    /// <summary>Raised on every state change, on the reader's own thread: handlers must be quick.</summary>
    event EventHandler<ReaderStateChangedEventArgs>? StateChanged;

    /// <summary>
    /// Reads until cancelled (or until a finite source ends), writing each frame to <paramref name="frames"/>.
    /// Device faults never end it: the reader reports them and reopens. The channel is not completed.
    /// </summary>
    /// <param name="frames">Where frames go.</param>
    /// <param name="cancellationToken">Stops the reader.</param>
    /// <returns>A task that completes when the reader stopped.</returns>
    Task RunAsync(ChannelWriter<ReaderFrame> frames, CancellationToken cancellationToken);
}
