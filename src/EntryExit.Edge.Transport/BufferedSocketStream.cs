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
    private readonly SemaphoreSlim _sending = new(1, 1);
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

    /// <summary>Ends a hold; the last one sends what was gathered, in one write.</summary>
    public async ValueTask EndHoldAsync(CancellationToken cancellationToken)
    {
        byte[] gathered;
        int length;
        lock (_writeGate)
        {
            if (--_holds > 0 || _heldLength == 0)
            {
                return;
            }

            (gathered, length, _held, _heldLength) = (_held, _heldLength, _spare, 0);
        }

        try
        {
            await SendAsync(gathered.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            lock (_writeGate)
            {
                _spare = gathered;
            }
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

        _sending.Wait();
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
            inner.Dispose();
            _sending.Dispose();
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

    // One write on the socket at a time: a gathered batch must not interleave with a packet written straight through.
    private async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
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
