using System.IO.Ports;
using EntryExit.Edge.Devices.Framing;

namespace EntryExit.Edge.Devices.Readers;

/// <summary>One serial document reader (bound from configuration).</summary>
public sealed class SerialReaderOptions
{
    /// <summary>Reader id (appears on frames and in logs).</summary>
    public string ReaderId { get; set; } = "reader-1";

    /// <summary>Lane served.</summary>
    public string Lane { get; set; } = "1";

    /// <summary>Device path; prefer <c>/dev/serial/by-id/…</c>, which survives replugging into another port.</summary>
    public string PortPath { get; set; } = "/dev/ttyACM0";

    /// <summary>Baud rate (ignored by USB CDC devices, needed by USB-serial adapters).</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>Parity.</summary>
    public Parity Parity { get; set; } = Parity.None;

    /// <summary>Data bits.</summary>
    public int DataBits { get; set; } = 8;

    /// <summary>Stop bits.</summary>
    public StopBits StopBits { get; set; } = StopBits.One;

    /// <summary>Raise DTR on open (some USB CDC readers only send while DTR is set; pseudo-terminals refuse it).</summary>
    public bool DtrEnable { get; set; }

    /// <summary>The reader's framing.</summary>
    public FramingOptions Framing { get; set; } = new() { Kind = FramingKind.StxEtx };

    /// <summary>Backoff while the device is absent.</summary>
    public ReconnectPolicy Reconnect { get; set; } = new();
}
