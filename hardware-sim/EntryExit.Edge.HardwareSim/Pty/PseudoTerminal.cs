using System.Runtime.InteropServices;
using System.Text;

namespace EntryExit.Edge.HardwareSim.Pty;

/// <summary>
/// A Linux pseudo-terminal in raw mode. The simulator owns the master side and writes to it; the gateway opens
/// <see cref="SlavePath"/> with <c>System.IO.Ports.SerialPort</c> exactly as it would open <c>/dev/ttyACM0</c>.
/// Disposing closes the master: the slave path disappears and a reader holding it gets an I/O error, which is
/// what pulling a USB reader looks like.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private readonly Lock _gate = new();
    private int _master;
    private int _heldSlave;

    private PseudoTerminal(int master, int heldSlave, string slavePath)
    {
        _master = master;
        _heldSlave = heldSlave;
        SlavePath = slavePath;
    }

    /// <summary>The slave device path (<c>/dev/pts/N</c>).</summary>
    public string SlavePath { get; }

    /// <summary>Whether the master side is still open.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _master >= 0;
            }
        }
    }

    /// <summary>Opens a new pseudo-terminal pair in raw mode.</summary>
    /// <returns>The pseudo-terminal; dispose it to "unplug".</returns>
    /// <exception cref="IOException">The system refused a pseudo-terminal (none left, or not Linux).</exception>
    public static PseudoTerminal Open()
    {
        // Non-blocking master: when nobody drains the slave its buffer fills, and a blocking write would hang
        // the whole simulator on one unread lane.
        var master = LibC.PosixOpenPt(LibC.ORdWr | LibC.ONoCtty | LibC.ONonBlock);
        if (master < 0)
        {
            throw Failure("posix_openpt");
        }

        try
        {
            if (LibC.GrantPt(master) != 0)
            {
                throw Failure("grantpt");
            }

            if (LibC.UnlockPt(master) != 0)
            {
                throw Failure("unlockpt");
            }

            Span<byte> name = stackalloc byte[128];
            if (LibC.PtsNameR(master, name, (nuint)name.Length) != 0)
            {
                throw Failure("ptsname_r");
            }

            var slavePath = Encoding.ASCII.GetString(name[..name.IndexOf((byte)0)]);
            MakeRaw(master);

            // Holding one slave descriptor keeps the pair alive while the gateway closes and reopens its port;
            // without it the master would see a hang-up each time and buffered bytes would be lost.
            var heldSlave = LibC.Open(slavePath, LibC.ORdWr | LibC.ONoCtty);
            if (heldSlave < 0)
            {
                throw Failure("open slave");
            }

            return new PseudoTerminal(master, heldSlave, slavePath);
        }
        catch
        {
            _ = LibC.Close(master);
            throw;
        }
    }

    /// <summary>How long a write waits for the reader side to drain a full buffer before giving up.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Writes all bytes to the master side (they arrive on the slave as a device would send them).</summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="IOException">The terminal was closed (unplugged), nobody drains it, or the write failed.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_master < 0)
            {
                throw new IOException("The virtual reader is unplugged.");
            }

            var deadline = Environment.TickCount64 + (long)WriteTimeout.TotalMilliseconds;
            while (!data.IsEmpty)
            {
                var written = LibC.Write(_master, data, (nuint)data.Length);
                if (written >= 0)
                {
                    data = data[(int)written..];
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EAgain && Environment.TickCount64 < deadline)
                {
                    // The buffer is full: give the reader a moment (this is the device side, not a test).
                    Thread.Sleep(5);
                }
                else if (errno != LibC.EIntr)
                {
                    throw new IOException(errno == LibC.EAgain
                        ? $"Nobody reads {SlavePath}: its buffer is full and {data.Length} bytes were dropped. Is the gateway configured with this device path?"
                        : $"write to the pseudo-terminal failed (errno {errno}).");
                }
            }
        }
    }

    /// <summary>Closes both sides: the slave path disappears.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_heldSlave >= 0)
            {
                _ = LibC.Close(_heldSlave);
                _heldSlave = -1;
            }

            if (_master >= 0)
            {
                _ = LibC.Close(_master);
                _master = -1;
            }
        }
    }

    private static void MakeRaw(int fd)
    {
        Span<byte> termios = stackalloc byte[LibC.TermiosBufferSize];
        termios.Clear();
        if (LibC.TcGetAttr(fd, termios) != 0)
        {
            throw Failure("tcgetattr");
        }

        LibC.CfMakeRaw(termios);
        if (LibC.TcSetAttr(fd, LibC.TcsaNow, termios) != 0)
        {
            throw Failure("tcsetattr");
        }
    }

    private static IOException Failure(string call) =>
        new($"{call} failed (errno {Marshal.GetLastPInvokeError()}); the simulator needs Linux pseudo-terminals (/dev/ptmx).");
}
