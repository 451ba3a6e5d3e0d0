using EntryExit.Edge.Devices.Booth;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Devices.Readers;

namespace EntryExit.Edge.Devices;

/// <summary>All booth hardware of one gateway (bound from configuration).</summary>
public sealed class DeviceOptions
{
    /// <summary>Serial document readers, typically one per lane.</summary>
    public List<SerialReaderOptions> SerialReaders { get; set; } = [];

    /// <summary>File, FIFO or standard-input readers.</summary>
    public List<LineReaderOptions> LineReaders { get; set; } = [];

    /// <summary>GPIO driver and per-lane pin maps.</summary>
    public GpioOptions Gpio { get; set; } = new();

    /// <summary>Booth session timing.</summary>
    public BoothSessionOptions Booth { get; set; } = new();
}
