using Xunit;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>
/// The broker connection's stream: MQTTnet reads 2-byte headers and small bodies from its read buffer, and the pump
/// gathers a round of publishes into one write with a hold.
/// </summary>
public sealed class BufferedSocketStreamTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Small_reads_are_served_from_one_large_read_and_return_every_byte_in_order()
    {
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var inner = new CountingStream(data);
        await using var stream = new BufferedSocketStream(inner, 4096);

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
        await using var stream = new BufferedSocketStream(inner, 1024);

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
        var stream = new BufferedSocketStream(inner, 64);

        await stream.WriteAsync(new byte[] { 1, 2, 3 }, _ct);
        stream.Write([4]);
        Assert.Equal([1, 2, 3, 4], inner.Written.ToArray());
        Assert.Equal(0, await stream.ReadAsync(new byte[8], _ct)); // end of stream stays end of stream

        await stream.DisposeAsync();
        Assert.True(inner.Disposed);
    }

    [Fact]
    public async Task Writes_during_a_hold_leave_in_one_write_in_order_when_the_hold_ends()
    {
        var inner = new CountingStream([]);
        await using var stream = new BufferedSocketStream(inner, 4);

        stream.Hold();
        await stream.WriteAsync(new byte[] { 1, 2, 3 }, _ct);
        stream.Write([4, 5, 6]); // past the initial buffer size: it grows
        await stream.FlushAsync(_ct); // MQTTnet and SslStream flush after packets: nothing may leave early
        Assert.Equal(0, inner.Writes);

        await stream.EndHoldAsync();
        Assert.Equal(1, inner.Writes);
        Assert.Equal([1, 2, 3, 4, 5, 6], inner.Written.ToArray());

        await stream.WriteAsync(new byte[] { 7 }, _ct); // no hold: straight through
        Assert.Equal(2, inner.Writes);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], inner.Written.ToArray());
    }

    [Fact]
    public async Task Nested_holds_send_only_when_the_last_one_ends_and_an_empty_hold_sends_nothing()
    {
        var inner = new CountingStream([]);
        await using var stream = new BufferedSocketStream(inner, 64);

        stream.Hold();
        await stream.EndHoldAsync();
        Assert.Equal(0, inner.Writes);

        stream.Hold();
        stream.Hold();
        await stream.WriteAsync(new byte[] { 1 }, _ct);
        await stream.EndHoldAsync();
        Assert.Equal(0, inner.Writes);
        await stream.WriteAsync(new byte[] { 2 }, _ct);
        await stream.EndHoldAsync();
        Assert.Equal(1, inner.Writes);
        Assert.Equal([1, 2], inner.Written.ToArray());
    }

    [Fact]
    public async Task A_gathered_batch_waits_for_a_write_already_on_the_socket_and_a_write_meanwhile_joins_the_batch()
    {
        var socketBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new CountingStream([]) { BlockNextWrite = socketBusy };
        await using var stream = new BufferedSocketStream(inner, 64);

        var straight = stream.WriteAsync(new byte[] { 1, 1 }, _ct).AsTask(); // blocked inside the socket write
        stream.Hold();
        await stream.WriteAsync(new byte[] { 2, 2 }, _ct);
        var ending = stream.EndHoldAsync().AsTask();
        Assert.False(ending.IsCompleted);
        // The hold lasts until the batch has the socket: a write now joins it instead of overtaking it.
        var meanwhile = stream.WriteAsync(new byte[] { 3, 3 }, _ct).AsTask();
        Assert.True(meanwhile.IsCompletedSuccessfully);
        Assert.Equal(0, inner.Written.Length);

        socketBusy.SetResult();
        await Task.WhenAll(straight, ending);
        Assert.Equal([1, 1, 2, 2, 3, 3], inner.Written.ToArray());
        Assert.Equal(2, inner.Writes);

        await stream.WriteAsync(new byte[] { 4 }, _ct); // the hold is over
        Assert.Equal(3, inner.Writes);
    }

    [Fact]
    public async Task Closing_the_stream_ends_a_hold_waiting_for_a_stuck_socket()
    {
        var inner = new CountingStream([]) { BlockNextWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var stream = new BufferedSocketStream(inner, 64);
        var stuck = stream.WriteAsync(new byte[] { 1 }, _ct).AsTask(); // the socket never takes it
        stream.Hold();
        await stream.WriteAsync(new byte[] { 2 }, _ct);
        var ending = WriteHold.EndAsync(stream).AsTask();
        Assert.False(ending.IsCompleted);

        await stream.DisposeAsync(); // MQTTnet closes the connection (keep-alive timeout, stop)

        await ending.WaitAsync(TimeSpan.FromSeconds(30), _ct); // ends without an exception; the publishes carry the failure
        Assert.False(stuck.IsCompleted);
    }

    [Fact]
    public async Task The_pump_hold_tolerates_no_connection_and_a_broken_one()
    {
        Assert.Null(new WriteHold().Begin()); // not connected yet: publishes fail on their own
        await WriteHold.EndAsync(null);

        var inner = new CountingStream([]) { FailWrites = true };
        await using var stream = new BufferedSocketStream(inner, 64);
        var hold = new WriteHold();
        hold.Attach(stream);
        var held = hold.Begin();
        Assert.Same(stream, held);
        await stream.WriteAsync(new byte[] { 1 }, _ct);
        await WriteHold.EndAsync(held); // the send fails: the publishes in it fail or time out and are retried

        inner.FailWrites = false;
        await stream.WriteAsync(new byte[] { 2 }, _ct); // the hold is over: straight through
        Assert.Equal([2], inner.Written.ToArray());
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public int Reads { get; private set; }

        public MemoryStream Written { get; } = new();

        public bool Disposed { get; private set; }

        public int Writes { get; private set; }

        public bool FailWrites { get; set; }

        public TaskCompletionSource? BlockNextWrite { get; set; }

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

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            Written.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (BlockNextWrite is { } gate)
            {
                BlockNextWrite = null;
                await gate.Task;
            }

            if (FailWrites)
            {
                throw new IOException("connection reset");
            }

            Writes++;
            Written.Write(buffer.Span);
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
