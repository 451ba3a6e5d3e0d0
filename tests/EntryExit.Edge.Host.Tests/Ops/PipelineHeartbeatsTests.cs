using EntryExit.Edge.Host.Ops;
using EntryExit.Edge.Transport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

public sealed class PipelineHeartbeatsTests
{
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ConnectedPumpThatStopsTouchingTheOutbox_IsStalled()
    {
        var beats = new PipelineHeartbeats(_time);
        beats.LinkChanged(LinkState.Connected);
        _time.Advance(TimeSpan.FromSeconds(30));
        beats.PumpActivity();
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(beats.FindStalls(StallAfter));

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Contains(beats.FindStalls(StallAfter), s => s.Contains("delivery pump", StringComparison.Ordinal));
    }

    [Fact]
    public void PumpWaitingForTheBroker_IsNotStalled()
    {
        var beats = new PipelineHeartbeats(_time);
        beats.LinkChanged(LinkState.Connected);
        beats.LinkChanged(LinkState.Disconnected);

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Empty(beats.FindStalls(StallAfter));
    }

    [Fact]
    public void LinkComingBack_GivesThePumpAFreshGracePeriod()
    {
        var beats = new PipelineHeartbeats(_time);
        _time.Advance(TimeSpan.FromMinutes(30));
        beats.LinkChanged(LinkState.Connected);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(beats.FindStalls(StallAfter));
    }

    [Fact]
    public void FrameThatNeverComesOutOfThePipeline_IsStalled_UntilItIsProcessed()
    {
        var beats = new PipelineHeartbeats(_time);
        beats.FrameForwarded();
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains(beats.FindStalls(StallAfter), s => s.Contains("scan", StringComparison.Ordinal));

        beats.FrameProcessed();

        Assert.Empty(beats.FindStalls(StallAfter));
        Assert.Equal(0, beats.FramesInProgress);
    }

    [Fact]
    public void AScanLostToAnException_DoesNotLookStuckOnceALaterScanFinishes()
    {
        var beats = new PipelineHeartbeats(_time);
        beats.FrameForwarded(); // this one throws in the pipeline: no Processed
        _time.Advance(TimeSpan.FromSeconds(1));
        beats.FrameForwarded();
        _time.Advance(TimeSpan.FromSeconds(1));
        beats.FrameProcessed();

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, beats.FramesInProgress);
        Assert.Empty(beats.FindStalls(StallAfter));
    }

    [Fact]
    public void IdleLanes_AreNotStalled()
    {
        var beats = new PipelineHeartbeats(_time);
        beats.FrameForwarded();
        beats.FrameProcessed();

        _time.Advance(TimeSpan.FromHours(5));

        Assert.Empty(beats.FindStalls(StallAfter));
    }
}
