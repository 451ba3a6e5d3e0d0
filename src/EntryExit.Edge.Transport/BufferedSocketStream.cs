namespace EntryExit.Edge.Transport;

/// <summary>
/// A stream that buffers reads and passes writes straight through (each MQTT packet still leaves at once).
/// Not thread-safe for concurrent reads, which MQTTnet never issues (one receive loop per connection).
/// </summary>
internal sealed class ReadBufferedStream(Stream inner, int bufferSize) : Stream
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;

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

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
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
