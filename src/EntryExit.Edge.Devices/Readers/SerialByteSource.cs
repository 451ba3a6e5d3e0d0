using System.IO.Ports;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>A serial port read with blocking <see cref="SerialPort.Read(byte[], int, int)"/> and a read timeout.</summary>
internal sealed class SerialByteSource : IByteSource
{
    private readonly SerialPort _port;
    private byte[] _buffer = [];

    public SerialByteSource(SerialReaderOptions options)
    {
        _port = new SerialPort(options.PortPath, options.BaudRate, options.Parity, options.DataBits, options.StopBits)
        {
            Handshake = Handshake.None,
            ReadTimeout = (int)Math.Max(1, options.ReadTimeout.TotalMilliseconds),
            DtrEnable = true,
        };
        try
        {
            _port.Open();
        }
        catch
        {
            _port.Dispose();
            throw;
        }
    }

    public int Read(Span<byte> buffer)
    {
        if (_buffer.Length < buffer.Length)
        {
            _buffer = new byte[buffer.Length];
        }

        try
        {
            var read = _port.Read(_buffer, 0, buffer.Length);
            _buffer.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        catch (TimeoutException)
        {
            return 0;
        }
        catch (InvalidOperationException e)
        {
            // SerialPort reports a port closed under it (device gone) this way.
            throw new IOException("The serial port closed.", e);
        }
    }

    public void Interrupt()
    {
        // The read timeout bounds how long a stop waits; closing the port from another thread is not safe.
    }

    public void Dispose()
    {
        try
        {
            _port.Dispose();
        }
        catch (IOException)
        {
            // Disposing a port whose device vanished may fail; there is nothing left to release.
        }
    }
}
