using EntryExit.Edge.HardwareSim.Pty;

namespace EntryExit.Edge.HardwareSim.Readers;

/// <summary>
/// A document reader on a real pseudo-terminal. It owns the master side and exposes a stable symlink
/// (<see cref="DevicePath"/>, like <c>/dev/serial/by-id/…</c>) to the slave, which the gateway opens as a serial
/// port. Faults on demand: noise, split frames, slow lines, unplug (the path disappears) and replug (a new
/// pseudo-terminal behind the same path).
/// </summary>
public sealed class VirtualDocumentReader : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly bool _ownsDirectory;
    private PseudoTerminal? _pty;

    /// <summary>Creates and plugs in a virtual reader.</summary>
    /// <param name="name">Short name used in the device path (letters, digits, dashes).</param>
    /// <param name="framing">The framing it speaks.</param>
    /// <param name="linkDirectory">Where the symlink lives; a new temp directory when null (deleted on dispose).</param>
    /// <param name="timeProvider">Clock for slow and split writes (system clock when null).</param>
    public VirtualDocumentReader(string name, SimFraming framing, string? linkDirectory = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Framing = framing;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ownsDirectory = linkDirectory is null;
        LinkDirectory = linkDirectory ?? Directory.CreateTempSubdirectory("entryexit-sim-").FullName;
        DevicePath = Path.Combine(LinkDirectory, $"usb-EntryExit_Sim_{name}-if00");
        Replug();
    }

    /// <summary>The stable path the gateway is configured with (a symlink to the current pty slave).</summary>
    public string DevicePath { get; }

    /// <summary>The directory holding <see cref="DevicePath"/>.</summary>
    public string LinkDirectory { get; }

    /// <summary>The framing it speaks.</summary>
    public SimFraming Framing { get; }

    /// <summary>The pty slave behind the path while plugged in.</summary>
    public string? SlavePath
    {
        get
        {
            lock (_gate)
            {
                return _pty?.SlavePath;
            }
        }
    }

    /// <summary>Whether the reader is plugged in.</summary>
    public bool IsPlugged => SlavePath is not null;

    /// <summary>Sends one document in the reader's framing.</summary>
    /// <param name="lines">The document lines.</param>
    public void SendDocument(IReadOnlyList<string> lines) => SendRaw(FrameWriter.Encode(Framing, lines));

    /// <summary>Sends raw bytes (noise, hand-made frames).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <exception cref="IOException">The reader is unplugged.</exception>
    public void SendRaw(ReadOnlySpan<byte> bytes)
    {
        PseudoTerminal pty;
        lock (_gate)
        {
            pty = _pty ?? throw new IOException("The virtual reader is unplugged.");
        }

        pty.Write(bytes);
    }

    /// <summary>Sends random noise bytes that contain no framing byte of any framing (STX, ETX, SOH, CR, LF).</summary>
    /// <param name="count">How many bytes.</param>
    /// <param name="random">The seeded source.</param>
    public void SendNoise(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var noise = new byte[count];
        for (var i = 0; i < count; i++)
        {
            byte b;
            do
            {
                b = (byte)random.Next(256);
            }
            while (b is 0x01 or 0x02 or 0x03 or 0x0A or 0x0D);
            noise[i] = b;
        }

        SendRaw(noise);
    }

    /// <summary>Sends one document cut into pieces with a pause between them (a frame split across reads).</summary>
    /// <param name="lines">The document lines.</param>
    /// <param name="pieces">Number of pieces.</param>
    /// <param name="pause">Pause between pieces.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task that completes once all pieces are written.</returns>
    public async Task SendSplitAsync(IReadOnlyList<string> lines, int pieces, TimeSpan pause, CancellationToken cancellationToken)
    {
        var bytes = FrameWriter.Encode(Framing, lines);
        pieces = Math.Clamp(pieces, 1, bytes.Length);
        var size = (bytes.Length + pieces - 1) / pieces;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            SendRaw(bytes.AsSpan(offset, Math.Min(size, bytes.Length - offset)));
            if (offset + size < bytes.Length)
            {
                await Task.Delay(pause, _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Sends one document byte by byte with a pause after each line's end (a slow reader).</summary>
    /// <param name="lines">The document lines.</param>
    /// <param name="pausePerLine">Pause after each CR.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task that completes once the document is written.</returns>
    public async Task SendSlowlyAsync(IReadOnlyList<string> lines, TimeSpan pausePerLine, CancellationToken cancellationToken)
    {
        var bytes = FrameWriter.Encode(Framing, lines);
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0x0D || i == bytes.Length - 1)
            {
                SendRaw(bytes.AsSpan(start, i + 1 - start));
                start = i + 1;
                await Task.Delay(pausePerLine, _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Pulls the reader: the pseudo-terminal closes and <see cref="DevicePath"/> disappears.</summary>
    public void Unplug()
    {
        lock (_gate)
        {
            File.Delete(DevicePath);
            _pty?.Dispose();
            _pty = null;
        }
    }

    /// <summary>Plugs the reader (back) in: a new pseudo-terminal appears behind <see cref="DevicePath"/>.</summary>
    public void Replug()
    {
        lock (_gate)
        {
            if (_pty is not null)
            {
                return;
            }

            var pty = PseudoTerminal.Open();
            try
            {
                var temporary = DevicePath + ".new";
                File.Delete(temporary);
                File.CreateSymbolicLink(temporary, pty.SlavePath);
                File.Move(temporary, DevicePath, overwrite: true);
            }
            catch
            {
                pty.Dispose();
                throw;
            }

            _pty = pty;
        }
    }

    /// <summary>Unplugs and removes the temp directory if this reader created it.</summary>
    public void Dispose()
    {
        Unplug();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(LinkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: another reader may still share it.
            }
        }
    }
}
