using System.Threading.Channels;
using EntryExit.Edge.Devices.Framing;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>
/// The reading loop every reader shares, on a DEDICATED thread doing blocking reads (async serial reads do not
/// cancel reliably on Linux): open, read and decode, and on a device fault report
/// <see cref="ReaderState.Disconnected"/>, drop the partial frame and reopen with backoff until the device is back.
/// Stopping interrupts the blocked read by closing the source; idle-gap framing is driven by a timer.
/// </summary>
public abstract class ThreadedDocumentReader : IDocumentReader
{
    private readonly IFrameDecoder _decoder;
    private readonly ReconnectPolicy _reconnect;
    private readonly ILogger _logger;
    private readonly TimeSpan? _idleGap;
    private readonly Lock _decoderGate = new();
    private readonly List<string> _pending = new(4);
    private int _started;

    /// <summary>Initialises the shared loop.</summary>
    /// <param name="readerId">Reader id.</param>
    /// <param name="lane">Lane.</param>
    /// <param name="framing">Framing settings.</param>
    /// <param name="reconnect">Backoff between reopen attempts.</param>
    /// <param name="timeProvider">Clock for timestamps, idle gaps and backoff.</param>
    /// <param name="logger">Logger.</param>
    protected ThreadedDocumentReader(
        string readerId, string lane, FramingOptions framing, ReconnectPolicy reconnect, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentNullException.ThrowIfNull(framing);
        ArgumentNullException.ThrowIfNull(reconnect);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ReaderId = readerId;
        Lane = lane;
        TimeProvider = timeProvider;
        _decoder = FrameDecoderFactory.Create(framing, timeProvider);
        _reconnect = reconnect;
        _logger = logger;
        _idleGap = framing.Kind switch
        {
            FramingKind.IdleTimeout => framing.IdleGap ?? FrameDecoderFactory.DefaultIdleGap,
            FramingKind.Lines => framing.IdleGap,
            _ => null,
        };
    }

    /// <inheritdoc />
    public event EventHandler<ReaderStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public string ReaderId { get; }

    /// <inheritdoc />
    public string Lane { get; }

    /// <inheritdoc />
    public ReaderState State { get; private set; } = ReaderState.Idle;

    /// <summary>Clock.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>A description of the source for logs (a path, never data).</summary>
    protected abstract string SourceDescription { get; }

    /// <inheritdoc />
    public Task RunAsync(ChannelWriter<ReaderFrame> frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"Reader {ReaderId} is already running.");
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunLoop(frames, done, cancellationToken))
        {
            IsBackground = true,
            Name = $"reader {ReaderId}",
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Opens the source (blocking). Throws when the device is absent.</summary>
    /// <returns>The opened source.</returns>
    internal abstract IByteSource Open();

    /// <summary>Whether a source that reached end of stream should be reopened (a FIFO) or the reader stops.</summary>
    internal virtual bool ReopenAtEndOfStream => false;

    private void RunLoop(ChannelWriter<ReaderFrame> writer, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        var failures = 0;
        using var idleTimer = StartIdleTimer(writer, cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                IByteSource source;
                try
                {
                    source = Open();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures++;
                    var delay = _reconnect.DelayFor(failures);
                    ReportFault(e, delay);
                    Wait(delay, cancellationToken);
                    continue;
                }

                failures = 0;
                SetState(ReaderState.Connected, null);
                Log.Connected(_logger, ReaderId, Lane, SourceDescription);
                try
                {
                    using var registration = cancellationToken.Register(source.Interrupt);
                    if (ReadUntilEnd(source, buffer, writer, cancellationToken) && !ReopenAtEndOfStream)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
                {
                    WithDecoder(writer, (d, _) => d.Reset(), cancellationToken);
                    failures++;
                    var delay = _reconnect.DelayFor(failures);
                    ReportFault(e, delay);
                    Wait(delay, cancellationToken);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping interrupts the blocked read; whatever it threw is expected.
                }
                finally
                {
                    source.Dispose();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            var reason = cancellationToken.IsCancellationRequested ? "stopped" : "end of input";
            SetState(ReaderState.Stopped, reason);
            Log.Stopped(_logger, ReaderId, Lane, reason);
            done.TrySetResult();
        }
    }

    /// <summary>Reads and decodes until end of stream (returns true) or cancellation (returns false).</summary>
    private bool ReadUntilEnd(IByteSource source, byte[] buffer, ChannelWriter<ReaderFrame> writer, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = source.Read(buffer);
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (read > 0)
            {
                WithDecoder(writer, (d, pending) => d.Feed(buffer.AsSpan(0, read), pending), cancellationToken);
            }
            else if (read < 0)
            {
                WithDecoder(writer, (d, pending) => d.Flush(pending), cancellationToken);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Idle-gap framing needs a clock tick while the read blocks: a timer polls the decoder. The decoder is
    /// shared with the reader thread, hence the lock.
    /// </summary>
    private ITimer? StartIdleTimer(ChannelWriter<ReaderFrame> writer, CancellationToken cancellationToken)
    {
        if (_idleGap is not { } gap)
        {
            return null;
        }

        var period = TimeSpan.FromTicks(Math.Max(gap.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks));
        return TimeProvider.CreateTimer(
            _ => WithDecoder(writer, (d, pending) => d.Poll(pending), cancellationToken), null, period, period);
    }

    private void WithDecoder(ChannelWriter<ReaderFrame> writer, Action<IFrameDecoder, List<string>> action, CancellationToken cancellationToken)
    {
        lock (_decoderGate)
        {
            action(_decoder, _pending);
            foreach (var text in _pending)
            {
                var frame = new ReaderFrame(ReaderId, Lane, text, TimeProvider.GetUtcNow());
                Log.Frame(_logger, ReaderId, Lane, text.Length, _decoder.DiscardedBytes);
                if (!writer.TryWrite(frame) && !cancellationToken.IsCancellationRequested)
                {
                    // A bounded channel is full: hold this reader, not the device (the OS buffers the bytes).
                    try
                    {
                        writer.WriteAsync(frame, cancellationToken).AsTask().GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            _pending.Clear();
        }
    }

    private void ReportFault(Exception e, TimeSpan delay)
    {
        var reason = $"{e.GetType().Name}: {e.Message}";
        if (e is IOException or UnauthorizedAccessException or TimeoutException or ArgumentException)
        {
            SetState(ReaderState.Disconnected, reason);
            Log.Disconnected(_logger, ReaderId, Lane, reason, delay);
        }
        else
        {
            SetState(ReaderState.Error, reason);
            Log.Fault(_logger, ReaderId, Lane, reason, delay);
        }
    }

    private void Wait(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, TimeProvider, cancellationToken).GetAwaiter().GetResult();

    private void SetState(ReaderState state, string? reason)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        StateChanged?.Invoke(this, new ReaderStateChangedEventArgs(ReaderId, Lane, state, reason, TimeProvider.GetUtcNow()));
    }
}
