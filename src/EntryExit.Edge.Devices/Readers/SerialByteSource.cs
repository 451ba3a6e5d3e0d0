using System.IO.Ports;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>
/// A serial port read with blocking <see cref="SerialPort.Read(byte[], int, int)"/> WITHOUT a read timeout.
/// On Unix, SerialStream's read timeout cancels a queued read while its I/O loop may already be filling that
/// read's buffer: bytes arriving right at the timeout are lost (seen as dropped frames under load). An untimed
/// read is never cancelled, so nothing is lost; a stop closes the port, which completes the pending read.
/// </summary>
internal sealed class SerialByteSource : IByteSource
{
    private readonly SerialPort _port;
    private byte[] _buffer = [];

    public SerialByteSource(SerialReaderOptions options)
    {
        _port = new SerialPort(options.PortPath, options.BaudRate, options.Parity, options.DataBits, options.StopBits)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            DtrEnable = options.DtrEnable,
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
        catch (InvalidOperationException e)
        {
            // SerialPort reports a port closed under it (device gone, or a stop) this way.
            throw new IOException("The serial port closed.", e);
        }
    }

    public void Interrupt() => Dispose();

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
