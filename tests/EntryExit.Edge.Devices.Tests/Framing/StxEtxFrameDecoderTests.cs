using EntryExit.Edge.Devices.Framing;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Framing;

public sealed class StxEtxFrameDecoderTests
{
    private static StxEtxFrameDecoder Decoder(int maxLine = 128) => new(new FramingOptions { Kind = FramingKind.StxEtx, MaxLineLength = maxLine });

    [Fact]
    public void Feed_TwoLineFrameWithoutThirdCr_EmitsTwoLines()
    {
        var frames = FeedAll(Decoder(), Of($"\u0002{Td3Line1}\r{Td3Line2}\r\u0003"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Feed_ThreeLineFrame_EmitsThreeLines()
    {
        var frames = FeedAll(Decoder(), Of($"\u0002{Td1Line1}\r{Td1Line2}\r{Td1Line3}\r\u0003"));

        Assert.Equal([$"{Td1Line1}\n{Td1Line2}\n{Td1Line3}"], frames);
    }

    [Fact]
    public void Feed_NoiseAndSodEodAroundFrames_AreSkipped()
    {
        var frames = FeedAll(Decoder(), Of($"zz\u001c\u0002{Td3Line1}\r{Td3Line2}\r\u0003\u001d garbage \r\n\u0002a\rb\r\u0003"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}", "a\nb"], frames);
    }

    [Fact]
    public void Feed_FrameSplitAcrossReadsByteByByte_EmitsSameFrame()
    {
        var bytes = Of($"\u0002{Td3Line1}\r{Td3Line2}\r\u0003");
        var decoder = Decoder();
        var frames = new List<string>();
        foreach (var b in bytes)
        {
            decoder.Feed([b], frames);
        }

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Feed_CutFrameFollowedByNewStx_KeepsOnlyTheNewFrame()
    {
        var frames = FeedAll(Decoder(), Of($"\u0002{Td3Line1}\r{Td3Line2[..10]}"), Of($"\u0002{Td3Line1}\r{Td3Line2}\r\u0003"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Feed_OversizedFrame_IsDroppedAndNextFrameSurvives()
    {
        var decoder = Decoder(maxLine: 60);
        var frames = FeedAll(decoder, Of("\u0002" + new string('A', 5000) + "\r\u0003"), Of($"\u0002{Td3Line1}\r{Td3Line2}\r\u0003"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
        Assert.Equal(0, decoder.BufferedChars);
    }

    [Fact]
    public void Feed_EmptyFrame_EmitsNothing()
    {
        Assert.Empty(FeedAll(Decoder(), Of("\u0002\u0003\u0002\r\r\u0003")));
    }

    [Fact]
    public void Flush_DropsPartialFrame()
    {
        var decoder = Decoder();
        var frames = FeedAll(decoder, Of($"\u0002{Td3Line1}\r"));
        decoder.Flush(frames);
        decoder.Feed(Of($"{Td3Line2}\r\u0003"), frames);

        Assert.Empty(frames);
    }
}
