using System.Threading.Channels;
using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Domain.Eligibility;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// Runs every document reader and feeds its frames to the <see cref="ScanProcessor"/>: one loop per reader, so
/// lanes are processed concurrently (their appends share group commits) while each lane keeps its order.
/// </summary>
public sealed class ReaderIngestService : BackgroundService
{
    // Small: a reader that outruns the pipeline waits (a booth cannot scan that fast anyway); nothing is dropped.
    private const int FramesPerReader = 64;

    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly ScanProcessor _processor;
    private readonly ILogger<ReaderIngestService> _logger;

    /// <summary>Creates the service over the configured readers.</summary>
    public ReaderIngestService(IEnumerable<IDocumentReader> readers, ScanProcessor processor, ReaderStateBoard states, ILogger<ReaderIngestService> logger)
    {
        ArgumentNullException.ThrowIfNull(states);
        _readers = [.. readers];
        _processor = processor;
        _logger = logger;
        foreach (var reader in _readers)
        {
            states.Track(reader);
        }
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_readers.Select(reader => RunReaderAsync(reader, stoppingToken)));

    private async Task RunReaderAsync(IDocumentReader reader, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateBounded<ReaderFrame>(new BoundedChannelOptions(FramesPerReader)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var producing = ProduceAsync(reader, channel.Writer, stoppingToken);
        (DeclaredStatus Status, DateTimeOffset At)? declared = null;
        await foreach (var frame in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (OfficerDeclarations.TryRead(frame.Text, out var status))
            {
                declared = status is { } s ? (s, frame.ReceivedAt) : null;
                PipelineLog.Declaration(_logger, frame.Lane, status is { } known ? WireNames.ToWire(known) : "unrecognised");
                continue;
            }

            var applies = declared is { } d && frame.ReceivedAt - d.At <= OfficerDeclarations.ValidFor ? d.Status : DeclaredStatus.None;
            declared = null;
            try
            {
                // Not cancelled by shutdown: a frame already read is finished (stored or dropped) before we stop.
                await _processor.ProcessAsync(new ScanInput(frame.ReaderId, frame.Lane, frame.Text, frame.ReceivedAt, applies), CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                PipelineLog.ProcessingFailed(_logger, frame.ReaderId, e.GetType().Name);
            }
        }

        await producing;
    }

    private static async Task ProduceAsync(IDocumentReader reader, ChannelWriter<ReaderFrame> writer, CancellationToken stoppingToken)
    {
        try
        {
            await reader.RunAsync(writer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
