using System.Collections.Concurrent;
using System.Device.Gpio;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EntryExit.Edge.Devices.Booth;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Devices.Tests.Readers;
using EntryExit.Edge.HardwareSim.Gpio;
using EntryExit.Edge.HardwareSim.Readers;
using Microsoft.Extensions.Logging.Abstractions;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Booth;

/// <summary>One lane wired as the gateway would: simulated GPIO, a virtual reader on a pty, the serial reader, the booth.</summary>
public sealed class LaneEndToEndTests
{
    [Fact]
    public async Task Lane_PresenceBadReadRescanDeclarationAndLeave_YieldsOneOutcomeAndDrivesTheLights()
    {
        var driver = new SimulatedGpioDriver();
        using var controller = GpioControllerFactory.Create(new GpioOptions { Driver = GpioDriverNames.Simulated }, () => driver);
        var pins = new LaneGpioOptions { Lane = "2", PresencePin = 5, DebounceMilliseconds = 0, GreenPin = 10, AmberPin = 11, RedPin = 12 };
        using var hardware = LaneHardware.Create(pins, controller, TimeProvider.System);
        var lit = new ConcurrentQueue<int>();
        driver.OutputChanged += (_, e) =>
        {
            if (e.ChangeType == PinEventTypes.Rising)
            {
                lit.Enqueue(e.PinNumber);
            }
        };

        using var booth = new BoothSession<string>("2", hardware.Indicators, new BoothSessionOptions(), TimeProvider.System, hasPresenceSensor: hardware.Presence is not null);
        var outcome = new TaskCompletionSource<BoothSessionOutcome<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        booth.Completed += (_, o) => outcome.TrySetResult(o);
        hardware.Presence!.PresenceChanged += (_, present) => booth.OnPresence(present);

        using var device = new VirtualDocumentReader("lane2", SimFraming.StxEtx);
        var reader = new SerialDocumentReader(ReaderRun.Options(device.DevicePath, FramingKind.StxEtx, "r2", "2"), TimeProvider.System, NullLogger<SerialDocumentReader>.Instance);
        var frames = Channel.CreateUnbounded<ReaderFrame>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = reader.RunAsync(frames.Writer, stop.Token);
        var processed = new StrongBox<int>();
        var pump = PumpAsync(frames.Reader, booth, processed, stop.Token);
        await ReaderRun.PollUntilAsync(() => reader.State == ReaderState.Connected);

        driver.SetInput(5, PinValue.Low);
        await ReaderRun.PollUntilAsync(() => booth.Phase == BoothPhase.AwaitingScan);
        device.SendDocument(["BAD<READ"]);
        await ReaderRun.PollUntilAsync(() => hardware.Indicators.Current == IndicatorState.Rescan);
        device.SendDocument([Td3Line1, Td3Line2]);
        device.SendDocument(["#DECLARE ca-pr"]);
        await ReaderRun.PollUntilAsync(() => Volatile.Read(ref processed.Value) == 3);
        Assert.Equal((BoothPhase.Scanned, IndicatorState.Accepted), (booth.Phase, hardware.Indicators.Current));
        driver.SetInput(5, PinValue.High);

        var result = await outcome.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(($"{Td3Line1}\n{Td3Line2}", ScanQuality.Good, SessionEndReason.TravellerLeft), (result.Scan, result.Quality, result.EndReason));
        Assert.Equal("ca-pr", result.OfficerDeclaration);
        Assert.Equal(2, result.ScanAttempts);
        Assert.Equal([11, 10], lit.Distinct());
        Assert.Equal(PinValue.Low, driver.GetOutput(10));

        await stop.CancelAsync();
        await Task.WhenAll(run, pump);
    }

    /// <summary>A stand-in for the gateway's pipeline: declarations by text, two 44-character lines as a good read.</summary>
    private static async Task PumpAsync(ChannelReader<ReaderFrame> frames, BoothSession<string> booth, StrongBox<int> processed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in frames.ReadAllAsync(cancellationToken))
            {
                if (OfficerCommand.TryParse(frame.Text, out var status))
                {
                    booth.OnDeclaration(status);
                }
                else
                {
                    var lines = frame.Text.Split('\n');
                    booth.OnScan(frame.Text, lines.Length == 2 && lines.All(l => l.Length == 44) ? ScanQuality.Good : ScanQuality.Unreadable);
                }

                Interlocked.Increment(ref processed.Value);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
