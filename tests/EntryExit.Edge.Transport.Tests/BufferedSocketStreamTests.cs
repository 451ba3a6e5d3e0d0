using Xunit;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>The broker connection's read buffer: MQTTnet reads 2-byte headers and small bodies from it.</summary>
public sealed class ReadBufferedStreamTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Small_reads_are_served_from_one_large_read_and_return_every_byte_in_order()
    {
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var inner = new CountingStream(data);
        await using var stream = new ReadBufferedStream(inner, 4096);

        var received = new List<byte>();
        var chunk = new byte[3];
        int read;
        while ((read = await stream.ReadAsync(chunk, _ct)) > 0)
        {
            received.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        Assert.Equal(data, received);
        Assert.Equal(4, inner.Reads); // 4096 + 4096 + 1808, then end of stream
    }

    [Fact]
    public async Task A_read_as_large_as_the_buffer_goes_straight_to_the_inner_stream_after_the_buffered_bytes()
    {
        var data = Enumerable.Range(0, 9000).Select(i => (byte)i).ToArray();
        var inner = new CountingStream(data);
        await using var stream = new ReadBufferedStream(inner, 1024);

        var head = new byte[10];
        Assert.Equal(10, await stream.ReadAsync(head, _ct)); // fills the 1024-byte buffer
        var rest = new byte[2048];
        Assert.Equal(1014, await stream.ReadAsync(rest, _ct)); // what is buffered first, never mixed with a new read
        Assert.Equal(2048, await stream.ReadAsync(rest, _ct)); // then straight through
        Assert.Equal(data.AsSpan(1024, 2048).ToArray(), rest);
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task Writes_pass_through_at_once_and_dispose_closes_the_connection()
    {
        var inner = new CountingStream([]);
        var stream = new ReadBufferedStream(inner, 64);

        await stream.WriteAsync(new byte[] { 1, 2, 3 }, _ct);
        stream.Write([4]);
        Assert.Equal([1, 2, 3, 4], inner.Written.ToArray());
        Assert.Equal(0, await stream.ReadAsync(new byte[8], _ct)); // end of stream stays end of stream

        await stream.DisposeAsync();
        Assert.True(inner.Disposed);
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public int Reads { get; private set; }

        public MemoryStream Written { get; } = new();

        public bool Disposed { get; private set; }

        public override bool CanWrite => true;

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return base.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Written.Write(buffer);

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
