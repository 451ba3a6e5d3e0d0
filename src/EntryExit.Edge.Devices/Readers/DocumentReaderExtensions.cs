using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>Convenience over <see cref="IDocumentReader.RunAsync"/>.</summary>
public static class DocumentReaderExtensions
{
    /// <summary>Runs one reader and yields its frames as they come, until cancelled or the source ends.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The frames.</returns>
    public static async IAsyncEnumerable<ReaderFrame> ReadFramesAsync(
        this IDocumentReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var channel = Channel.CreateUnbounded<ReaderFrame>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = RunThenCompleteAsync(reader, channel.Writer, stop.Token);
        try
        {
            await foreach (var frame in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return frame;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    private static async Task RunThenCompleteAsync(IDocumentReader reader, ChannelWriter<ReaderFrame> writer, CancellationToken cancellationToken)
    {
        try
        {
            await reader.RunAsync(writer, cancellationToken);
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException ? null : e);
        }
    }
}
