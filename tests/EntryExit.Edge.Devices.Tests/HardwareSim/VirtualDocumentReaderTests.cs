using EntryExit.Edge.HardwareSim.Readers;
using EntryExit.Edge.HardwareSim.Scenarios;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.HardwareSim;

public sealed class VirtualDocumentReaderTests
{
    [Fact]
    public void DevicePath_IsASymlinkToThePtySlave_UnplugRemovesIt_ReplugPointsToANewPty()
    {
        using var device = new VirtualDocumentReader("paths", SimFraming.StxEtx);
        var first = device.SlavePath;
        Assert.Equal(first, new FileInfo(device.DevicePath).LinkTarget);
        Assert.StartsWith("/dev/pts/", first, StringComparison.Ordinal);

        device.Unplug();
        Assert.False(device.IsPlugged);
        Assert.False(File.Exists(device.DevicePath));
        Assert.Throws<IOException>(() => device.SendDocument(["X"]));

        device.Replug();
        Assert.Equal(device.SlavePath, new FileInfo(device.DevicePath).LinkTarget);
        Assert.True(File.Exists(device.DevicePath));
    }

    [Fact]
    public void NobodyReading_WritesFailAfterTheBufferFills_InsteadOfHanging_AndTheSinkCountsDrops()
    {
        using var device = new VirtualDocumentReader("unread", SimFraming.StxEtx);
        var sink = new VirtualReaderSink(device);

        for (var i = 0; i < 3000 && sink.Dropped == 0; i++)
        {
            sink.SendDocument([Td3Line1, Td3Line2]);
        }

        Assert.True(sink.Dropped > 0);
        Assert.Throws<IOException>(() => device.SendDocument([Td3Line1, Td3Line2]));
    }
}
