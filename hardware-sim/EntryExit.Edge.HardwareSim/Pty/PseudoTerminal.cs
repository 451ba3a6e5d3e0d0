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
        var master = LibC.PosixOpenPt(LibC.ORdWr | LibC.ONoCtty);
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

    /// <summary>Writes all bytes to the master side (they arrive on the slave as a device would send them).</summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="IOException">The terminal was closed (unplugged) or the write failed.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_master < 0)
            {
                throw new IOException("The virtual reader is unplugged.");
            }

            while (!data.IsEmpty)
            {
                var written = LibC.Write(_master, data, (nuint)data.Length);
                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == 4 /* EINTR */)
                    {
                        continue;
                    }

                    throw new IOException($"write to the pseudo-terminal failed (errno {errno}).");
                }

                data = data[(int)written..];
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
