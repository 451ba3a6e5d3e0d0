using System.Collections.Concurrent;
using System.Threading.Channels;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Devices.Tests.Readers;

/// <summary>Runs one reader for a test and records its frames and state changes.</summary>
internal sealed class ReaderRun : IAsyncDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<ReaderState> _states = new();
    private readonly Channel<ReaderFrame> _frames = Channel.CreateUnbounded<ReaderFrame>();
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private Task _run = Task.CompletedTask;

    public ThreadedDocumentReader Reader { get; private init; } = null!;

    public int StateCount => _states.Count;

    public static SerialReaderOptions Options(string path, FramingKind kind, string readerId = "reader-7", string lane = "lane-7") => new()
    {
        ReaderId = readerId,
        Lane = lane,
        PortPath = path,
        Framing = new FramingOptions { Kind = kind, IdleGap = kind == FramingKind.IdleTimeout ? TimeSpan.FromSeconds(1) : null },
        Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    public static ReaderRun Start(string path, FramingKind kind) =>
        Start(new SerialDocumentReader(Options(path, kind), TimeProvider.System, NullLogger<SerialDocumentReader>.Instance));

    public static ReaderRun Start(ThreadedDocumentReader reader)
    {
        var run = new ReaderRun { Reader = reader };
        reader.StateChanged += (_, e) => run._states.Enqueue(e.State);
        run._run = reader.RunAsync(run._frames.Writer, run._stop.Token);
        return run;
    }

    public async Task<ReaderFrame> NextFrameAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Generous);
        return await _frames.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTakeFrame(out ReaderFrame? frame) => _frames.Reader.TryRead(out frame);

    public Task WaitForStateAsync(ReaderState state, int afterIndex = 0) =>
        PollUntilAsync(() => _states.Skip(afterIndex).Contains(state));

    public Task StopAsync()
    {
        _stop.Cancel();
        return _run.WaitAsync(Generous, TestContext.Current.CancellationToken);
    }

    public static async Task PollUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within the generous timeout");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
