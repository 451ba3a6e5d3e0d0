using System.Threading.Channels;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// Runs every document reader and its lane's booth session: one loop per reader, so lanes are processed
/// concurrently (their appends share group commits) while each lane keeps its order.
/// </summary>
public sealed class ReaderIngestService : BackgroundService
{
    // Small: a reader that outruns the pipeline waits (a booth cannot scan that fast anyway); nothing is dropped.
    private const int FramesPerReader = 64;

    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly List<BoothLane> _lanes = [];
    private readonly ScanProcessor _processor;
    private readonly PipelineContext _context;
    private readonly ILogger<ReaderIngestService> _logger;

    /// <summary>Creates the service over the configured readers.</summary>
    public ReaderIngestService(IEnumerable<IDocumentReader> readers, ScanProcessor processor, PipelineContext context, ReaderStateBoard states,
        ILogger<ReaderIngestService> logger)
    {
        ArgumentNullException.ThrowIfNull(states);
        _readers = [.. readers];
        _processor = processor;
        _context = context;
        _logger = logger;
        foreach (var reader in _readers)
        {
            states.Track(reader);
        }
    }

    /// <summary>True when every lane's session is closed and processed (the demo waits for this before its summary).</summary>
    public bool AllLanesIdle
    {
        get
        {
            lock (_lanes)
            {
                return _lanes.Count == _readers.Count && _lanes.TrueForAll(l => l.IsIdle);
            }
        }
    }

    /// <summary>Each lane's booth phase ("Idle", "Scanned", "AwaitingDeclaration"…), for status displays.</summary>
    public IReadOnlyDictionary<string, string> LanePhases
    {
        get
        {
            lock (_lanes)
            {
                return _lanes.ToDictionary(l => l.Lane, l => l.Phase.ToString(), StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_readers.Select(reader => RunReaderAsync(reader, stoppingToken)));

    private async Task RunReaderAsync(IDocumentReader reader, CancellationToken stoppingToken)
    {
        // Indicators stay dark until the GPIO pin map is configured (issue 5 follow-up); the session logic is the same.
        using var lane = new BoothLane(reader.Lane, _processor, _context, new NullLaneIndicators(), _logger);
        lock (_lanes)
        {
            _lanes.Add(lane);
        }

        var channel = Channel.CreateBounded<ReaderFrame>(new BoundedChannelOptions(FramesPerReader)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var producing = ProduceAsync(reader, channel.Writer, stoppingToken);
        var processing = lane.RunAsync();
        await foreach (var frame in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            lane.OnFrame(frame);
        }

        lane.Complete();
        await processing;
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
