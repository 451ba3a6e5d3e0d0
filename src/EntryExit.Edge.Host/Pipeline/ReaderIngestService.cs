using System.Threading.Channels;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// Runs every document reader and its lane's booth session: one loop per lane, so lanes are processed concurrently
/// (their appends share group commits) while each lane keeps its order. The readers of one lane (a passport reader
/// and a card reader at the same booth) feed the lane's one session, which also hears the lane's GPIO sensors.
/// </summary>
public sealed class ReaderIngestService : BackgroundService
{
    // Small: a reader that outruns the pipeline waits (a booth cannot scan that fast anyway); nothing is dropped.
    private const int FramesPerReader = 64;

    private readonly IReadOnlyList<IGrouping<string, IDocumentReader>> _lanesToRun;
    private readonly List<BoothLane> _lanes = [];
    private readonly ScanProcessor _processor;
    private readonly PipelineContext _context;
    private readonly BoothHardware _hardware;
    private readonly ILogger<ReaderIngestService> _logger;

    /// <summary>Creates the service over the configured readers and the lanes' hardware.</summary>
    public ReaderIngestService(IEnumerable<IDocumentReader> readers, ScanProcessor processor, PipelineContext context, ReaderStateBoard states,
        BoothHardware hardware, ILogger<ReaderIngestService> logger)
    {
        ArgumentNullException.ThrowIfNull(states);
        IReadOnlyList<IDocumentReader> all = [.. readers];
        _lanesToRun = [.. all.GroupBy(r => r.Lane, StringComparer.Ordinal)];
        _processor = processor;
        _context = context;
        _hardware = hardware;
        _logger = logger;
        foreach (var reader in all)
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
                return _lanes.Count == _lanesToRun.Count && _lanes.TrueForAll(l => l.IsIdle);
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
        Task.WhenAll(_lanesToRun.Select(lane => RunLaneAsync(lane.Key, [.. lane], stoppingToken)));

    private async Task RunLaneAsync(string laneId, IReadOnlyList<IDocumentReader> readers, CancellationToken stoppingToken)
    {
        using var lane = new BoothLane(laneId, _processor, _context, _hardware.ForLane(laneId), _logger);
        lock (_lanes)
        {
            _lanes.Add(lane);
        }

        var channel = Channel.CreateBounded<ReaderFrame>(new BoundedChannelOptions(FramesPerReader * readers.Count)
        {
            SingleReader = true,
            SingleWriter = readers.Count == 1,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var producing = ProduceAsync(readers, channel.Writer, stoppingToken);
        var processing = lane.RunAsync();
        await foreach (var frame in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            lane.OnFrame(frame);
        }

        lane.Complete();
        await processing;
        await producing;
    }

    private static async Task ProduceAsync(IReadOnlyList<IDocumentReader> readers, ChannelWriter<ReaderFrame> writer, CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(readers.Select(async reader =>
            {
                try
                {
                    await reader.RunAsync(writer, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                }
            }));
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
