using EntryExit.Edge.Devices.Framing;
using Microsoft.Extensions.Time.Testing;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Framing;

public sealed class LineFrameDecoderTests
{
    private readonly FakeTimeProvider _time = new();

    private LineFrameDecoder Wedge(TimeSpan? idle = null) =>
        new(new FramingOptions { Kind = FramingKind.Lines, IdleGap = idle }, _time, blankLineEndsDocument: true);

    [Fact]
    public void Feed_BlankLineAfterLines_EmitsOneDocument()
    {
        var frames = FeedAll(Wedge(), Of($"{Td3Line1}\r{Td3Line2}\r\r"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Feed_AnyLineEnding_GroupsLinesUntilBlankLine(string eol)
    {
        var frames = FeedAll(Wedge(), Of($"{Td1Line1}{eol}{Td1Line2}{eol}{Td1Line3}{eol}{eol}{Td3Line1}{eol}{Td3Line2}{eol}{eol}"));

        Assert.Equal([$"{Td1Line1}\n{Td1Line2}\n{Td1Line3}", $"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Poll_AfterIdleGap_EmitsPendingLinesIncludingUnterminatedOne()
    {
        var decoder = Wedge(TimeSpan.FromMilliseconds(300));
        var frames = FeedAll(decoder, Of($"{Td3Line1}\r{Td3Line2}"));
        decoder.Poll(frames);
        Assert.Empty(frames);

        _time.Advance(TimeSpan.FromMilliseconds(300));
        decoder.Poll(frames);

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Poll_WithoutIdleGapConfigured_NeverEmits()
    {
        var decoder = Wedge();
        var frames = FeedAll(decoder, Of($"{Td3Line1}\r"));
        _time.Advance(TimeSpan.FromHours(1));
        decoder.Poll(frames);

        Assert.Empty(frames);
    }

    [Fact]
    public void IdleTimeoutFramer_BlankLinesDoNotSplit_SilenceDoes()
    {
        var decoder = FrameDecoderFactory.Create(new FramingOptions { Kind = FramingKind.IdleTimeout, IdleGap = TimeSpan.FromSeconds(1) }, _time);
        var frames = FeedAll(decoder, Of($"{Td3Line1}\r\r\n{Td3Line2}\r"));
        Assert.Empty(frames);

        _time.Advance(TimeSpan.FromSeconds(1));
        decoder.Poll(frames);

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void IdleTimeoutFramer_SilenceBeforeAChunk_SplitsEvenWhenNoPollCameInTheGap()
    {
        // The timer that polls may run late on a busy machine: the silence itself, not the poll, ends the document.
        var decoder = FrameDecoderFactory.Create(new FramingOptions { Kind = FramingKind.IdleTimeout, IdleGap = TimeSpan.FromMilliseconds(100) }, _time);
        var frames = FeedAll(decoder, Of($"{Td1Line1}\r{Td1Line2}\r{Td1Line3}\r"));
        _time.Advance(TimeSpan.FromMilliseconds(100));

        decoder.Feed(Of($"{Td3Line1}\r{Td3Line2}\r"), frames);
        Assert.Equal([$"{Td1Line1}\n{Td1Line2}\n{Td1Line3}"], frames);

        _time.Advance(TimeSpan.FromMilliseconds(99));
        decoder.Feed(Of("\r"), frames); // a stray line end within the gap belongs to the same document
        _time.Advance(TimeSpan.FromMilliseconds(100));
        decoder.Poll(frames);
        Assert.Equal([$"{Td1Line1}\n{Td1Line2}\n{Td1Line3}", $"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void IdleTimeoutFramer_CommandLineRightAfterADocument_IsAFrameOfItsOwn()
    {
        var decoder = FrameDecoderFactory.Create(new FramingOptions { Kind = FramingKind.IdleTimeout, IdleGap = TimeSpan.FromSeconds(1) }, _time);

        var frames = FeedAll(decoder, Of($"{Td3Line1}\r{Td3Line2}\r#DECLARE us-citizen\r"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}", "#DECLARE us-citizen"], frames);
    }

    [Fact]
    public void Feed_ControlAndHighBytes_ControlDroppedHighBecomesQuestionMark()
    {
        var frames = FeedAll(Wedge(), [0x00, 0x07, (byte)'A', 0xC3, (byte)'B', 0x1B, 0x0D, 0x0D]);

        Assert.Equal(["A?B"], frames);
    }

    [Fact]
    public void Feed_OversizedLine_IsDroppedAndNextDocumentSurvives()
    {
        var decoder = new LineFrameDecoder(new FramingOptions { MaxLineLength = 50 }, _time, blankLineEndsDocument: true);
        var frames = FeedAll(decoder, Of(new string('X', 10_000) + "\r" + Td3Line1 + "\r" + Td3Line2 + "\r\r"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
        Assert.True(decoder.DiscardedBytes >= 10_000);
    }

    [Fact]
    public void Feed_TooManyLinesWithoutSeparator_CutsIntoFramesOfMaxLines()
    {
        var decoder = new LineFrameDecoder(new FramingOptions { MaxLinesPerFrame = 3 }, _time, blankLineEndsDocument: true);
        var frames = FeedAll(decoder, Of("a\rb\rc\rd\re\rf\rg\r"));

        Assert.Equal(["a\nb\nc", "d\ne\nf"], frames);
        Assert.Equal(1, decoder.BufferedChars);
    }

    [Fact]
    public void Flush_AtEndOfStream_EmitsPendingDocument()
    {
        var decoder = Wedge();
        var frames = FeedAll(decoder, Of($"{Td3Line1}\n{Td3Line2}"));
        decoder.Flush(frames);

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Reset_DropsPartialDocument()
    {
        var decoder = Wedge();
        var frames = FeedAll(decoder, Of($"{Td3Line1}\r"));
        decoder.Reset();
        decoder.Feed(Of($"{Td3Line2}\r\r"), frames);

        Assert.Equal([Td3Line2], frames);
    }
}
