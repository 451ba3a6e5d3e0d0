using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Logging.Abstractions;

namespace EntryExit.Edge.Devices.Tests.Readers;

public sealed class DocumentReaderFactoryTests
{
    [Fact]
    public void CreateAll_OneReaderPerConfiguredEntry_WithItsLane()
    {
        var options = new DeviceOptions
        {
            SerialReaders = [new SerialReaderOptions { ReaderId = "s1", Lane = "1", PortPath = "/dev/ttyACM0" }, new SerialReaderOptions { ReaderId = "s2", Lane = "2", PortPath = "/dev/ttyUSB0" }],
            LineReaders = [new LineReaderOptions { ReaderId = "w3", Lane = "3", Path = "-" }],
        };

        var readers = DocumentReaderFactory.CreateAll(options, TimeProvider.System, NullLoggerFactory.Instance);

        Assert.Equal([("s1", "1"), ("s2", "2"), ("w3", "3")], readers.Select(r => (r.ReaderId, r.Lane)));
        Assert.All(readers, r => Assert.Equal(ReaderState.Idle, r.State));
    }

    [Fact]
    public void CreateAll_DuplicateReaderId_IsRejectedNamingIt()
    {
        var options = new DeviceOptions
        {
            SerialReaders = [new SerialReaderOptions { ReaderId = "r1", PortPath = "/dev/ttyACM0" }],
            LineReaders = [new LineReaderOptions { ReaderId = "r1", Path = "-" }],
        };

        var e = Assert.Throws<ArgumentException>(() => DocumentReaderFactory.CreateAll(options, TimeProvider.System, NullLoggerFactory.Instance));
        Assert.Contains("\"r1\"", e.Message, StringComparison.Ordinal);
    }
}
