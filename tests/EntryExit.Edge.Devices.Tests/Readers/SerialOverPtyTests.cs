using System.Threading.Channels;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.HardwareSim.Readers;
using Microsoft.Extensions.Logging.Abstractions;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Readers;

/// <summary>End to end through System.IO.Ports over real pseudo-terminals owned by the simulator.</summary>
public sealed class SerialOverPtyTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    public static TheoryData<SimFraming, FramingKind> Framings => new()
    {
        { SimFraming.Lines, FramingKind.Lines },
        { SimFraming.StxEtx, FramingKind.StxEtx },
        { SimFraming.ThreeM, FramingKind.ThreeM },
        { SimFraming.BareLines, FramingKind.IdleTimeout },
    };

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task SerialReader_OverPty_ReceivesDocumentsInEveryFraming(SimFraming simFraming, FramingKind kind)
    {
        using var device = new VirtualDocumentReader("lane1", simFraming);
        await using var run = ReaderRun.Start(device.DevicePath, kind);
        await run.WaitForStateAsync(ReaderState.Connected);

        if (kind is FramingKind.StxEtx or FramingKind.ThreeM)
        {
            // Delimited framings skip noise between frames; line framings cannot tell noise from text.
            device.SendNoise(20, new Random(1));
        }

        device.SendDocument([Td3Line1, Td3Line2]);
        Assert.Equal($"{Td3Line1}\n{Td3Line2}", (await run.NextFrameAsync()).Text);

        // Bare lines are grouped by silence, so the second document follows the first frame.
        await device.SendSplitAsync([Td1Line1, Td1Line2, Td1Line3], pieces: 5, TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        var second = await run.NextFrameAsync();
        Assert.Equal($"{Td1Line1}\n{Td1Line2}\n{Td1Line3}", second.Text);
        Assert.Equal("lane-7", second.Lane);
        Assert.Equal("reader-7", second.ReaderId);
    }

    [Fact]
    public async Task SerialReader_LineFramingNoiseLine_IsDeliveredAsItsOwnFrameAndNextDocumentIsIntact()
    {
        using var device = new VirtualDocumentReader("noisy", SimFraming.Lines);
        await using var run = ReaderRun.Start(device.DevicePath, FramingKind.Lines);
        await run.WaitForStateAsync(ReaderState.Connected);

        device.SendNoise(30, new Random(2));
        device.SendRaw("\r\r"u8);
        device.SendDocument([Td3Line1, Td3Line2]);

        Assert.NotEqual($"{Td3Line1}\n{Td3Line2}", (await run.NextFrameAsync()).Text);
        Assert.Equal($"{Td3Line1}\n{Td3Line2}", (await run.NextFrameAsync()).Text);
    }

    [Fact]
    public async Task SerialReader_SlowLines_AreAssembledIntoOneFrame()
    {
        using var device = new VirtualDocumentReader("slow", SimFraming.StxEtx);
        await using var run = ReaderRun.Start(device.DevicePath, FramingKind.StxEtx);
        await run.WaitForStateAsync(ReaderState.Connected);

        // Pauses longer than the reader's read timeout: the frame spans several timed-out reads.
        await device.SendSlowlyAsync([Td3Line1, Td3Line2], TimeSpan.FromMilliseconds(150), TestContext.Current.CancellationToken);

        Assert.Equal($"{Td3Line1}\n{Td3Line2}", (await run.NextFrameAsync()).Text);
    }

    [Fact]
    public async Task SerialReader_UnplugAndReplug_ReportsDisconnectedThenRecoversWithoutRestart()
    {
        using var device = new VirtualDocumentReader("hotplug", SimFraming.StxEtx);
        await using var run = ReaderRun.Start(device.DevicePath, FramingKind.StxEtx);
        await run.WaitForStateAsync(ReaderState.Connected);
        device.SendDocument(["BEFORE"]);
        Assert.Equal("BEFORE", (await run.NextFrameAsync()).Text);

        device.SendRaw("\u0002HALF A FR"u8);
        device.Unplug();
        Assert.False(File.Exists(device.DevicePath));
        await run.WaitForStateAsync(ReaderState.Disconnected);
        var statesBeforeReplug = run.StateCount; // taken before the replug: the reader may reconnect at once

        device.Replug();
        await run.WaitForStateAsync(ReaderState.Connected, afterIndex: statesBeforeReplug);
        device.SendDocument(["AFTER"]);

        // The half frame from before the unplug is gone; the first frame after replug is intact.
        Assert.Equal("AFTER", (await run.NextFrameAsync()).Text);
    }

    [Fact]
    public async Task SerialReader_PathAbsentAtStart_ConnectsWhenDeviceAppears()
    {
        using var device = new VirtualDocumentReader("late", SimFraming.Lines);
        device.Unplug();
        await using var run = ReaderRun.Start(device.DevicePath, FramingKind.Lines);
        await run.WaitForStateAsync(ReaderState.Disconnected);

        device.Replug();
        await run.WaitForStateAsync(ReaderState.Connected);
        device.SendDocument(["HELLO"]);

        Assert.Equal("HELLO", (await run.NextFrameAsync()).Text);
    }

    [Fact]
    public async Task SerialReaders_SeveralLanes_EachFrameCarriesItsLane()
    {
        using var a = new VirtualDocumentReader("a", SimFraming.StxEtx);
        using var b = new VirtualDocumentReader("b", SimFraming.ThreeM);
        var channel = Channel.CreateUnbounded<ReaderFrame>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var readerA = new SerialDocumentReader(ReaderRun.Options(a.DevicePath, FramingKind.StxEtx, "A", "1"), TimeProvider.System, NullLogger<SerialDocumentReader>.Instance);
        var readerB = new SerialDocumentReader(ReaderRun.Options(b.DevicePath, FramingKind.ThreeM, "B", "2"), TimeProvider.System, NullLogger<SerialDocumentReader>.Instance);
        var runs = new[] { readerA.RunAsync(channel.Writer, stop.Token), readerB.RunAsync(channel.Writer, stop.Token) };
        await ReaderRun.PollUntilAsync(() => readerA.State == ReaderState.Connected && readerB.State == ReaderState.Connected);

        a.SendDocument(["FROM<A"]);
        b.SendDocument([Td1Line1]);
        using var timeout = new CancellationTokenSource(Generous);
        var frames = new[] { await channel.Reader.ReadAsync(timeout.Token), await channel.Reader.ReadAsync(timeout.Token) };

        Assert.Contains(frames, f => f is { Lane: "1", Text: "FROM<A" });
        Assert.Contains(frames, f => f is { Lane: "2", Text: Td1Line1 });
        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(Generous, TestContext.Current.CancellationToken);
        Assert.Equal(ReaderState.Stopped, readerA.State);
    }
}
