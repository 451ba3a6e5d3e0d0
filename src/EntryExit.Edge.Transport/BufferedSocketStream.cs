namespace EntryExit.Edge.Transport;

/// <summary>
/// A stream that buffers reads and, while a hold is on, gathers writes to send them in one call when the last hold
/// ends; without a hold each write (one MQTT packet) leaves at once. Not thread-safe for concurrent reads, which
/// MQTTnet never issues (one receive loop per connection); writes and holds may come from any thread.
/// </summary>
internal sealed class BufferedSocketStream(Stream inner, int bufferSize) : Stream
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private readonly Lock _writeGate = new();
    // One write on the socket at a time, gathered batches included: packets must reach it whole and in order (under
    // TLS each is a record with its own sequence number). Never disposed: a waiter must not be left hanging by it.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new(); // ends every wait for the socket when the stream closes
    private byte[] _held = new byte[bufferSize];
    private byte[] _spare = new byte[bufferSize];
    private int _heldLength;
    private int _holds;
    private int _start;
    private int _end;

    /// <summary>Writes from now on are gathered until every hold has ended.</summary>
    public void Hold()
    {
        lock (_writeGate)
        {
            _holds++;
        }
    }

    /// <summary>
    /// Ends a hold; the last one sends what was gathered, in one write. It takes the socket before the hold ends, so a
    /// write that comes meanwhile is either gathered into this batch or queued behind it, never sent ahead of it.
    /// Completes when the batch is written, or throws when the stream closes first.
    /// </summary>
    public async ValueTask EndHoldAsync()
    {
        lock (_writeGate)
        {
            if (_holds > 1 || _heldLength == 0)
            {
                _holds--;
                return;
            }
        }

        await _sending.WaitAsync(_closing.Token);
        try
        {
            byte[] gathered;
            int length;
            lock (_writeGate)
            {
                if (--_holds > 0 || _heldLength == 0)
                {
                    return; // another hold began meanwhile: its end sends the batch
                }

                // The spare is free: every send of a gathered batch happens under _sending, which this one holds.
                (gathered, length) = (_held, _heldLength);
                (_held, _heldLength, _spare) = (_spare, 0, gathered);
            }

            await inner.WriteAsync(gathered.AsMemory(0, length), _closing.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_start == _end)
        {
            if (buffer.Length >= _buffer.Length)
            {
                return inner.Read(buffer);
            }

            _start = 0;
            _end = inner.Read(_buffer);
        }

        return TakeBuffered(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_start != _end)
        {
            return ValueTask.FromResult(TakeBuffered(buffer.Span));
        }

        return buffer.Length >= _buffer.Length ? inner.ReadAsync(buffer, cancellationToken) : FillAndTakeAsync(buffer, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (TryGather(buffer))
        {
            return;
        }

        _sending.Wait(_closing.Token);
        try
        {
            inner.Write(buffer);
        }
        finally
        {
            _sending.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        TryGather(buffer.Span) ? ValueTask.CompletedTask : SendAsync(buffer, cancellationToken);

    // Gathered writes leave when the hold ends; the network stream has nothing of its own to flush.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _closing.Cancel();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryGather(ReadOnlySpan<byte> packet)
    {
        lock (_writeGate)
        {
            if (_holds == 0)
            {
                return false;
            }

            if (_heldLength + packet.Length > _held.Length)
            {
                Array.Resize(ref _held, Math.Max(_held.Length * 2, _heldLength + packet.Length));
            }

            packet.CopyTo(_held.AsSpan(_heldLength));
            _heldLength += packet.Length;
            return true;
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!_sending.Wait(0, CancellationToken.None))
        {
            // Behind a gathered batch (or another write): wait for it, or for the caller or the stream to give up.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
            await _sending.WaitAsync(either.Token);
        }

        try
        {
            await inner.WriteAsync(data, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async ValueTask<int> FillAndTakeAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await inner.ReadAsync(_buffer, cancellationToken);
        return TakeBuffered(buffer.Span);
    }

    private int TakeBuffered(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }
}
