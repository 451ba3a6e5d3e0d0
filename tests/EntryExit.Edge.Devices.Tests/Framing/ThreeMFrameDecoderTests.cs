using EntryExit.Edge.Devices.Framing;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Framing;

public sealed class ThreeMFrameDecoderTests
{
    private static ThreeMFrameDecoder Decoder(FramingOptions? options = null) => new(options ?? new FramingOptions { Kind = FramingKind.ThreeM });

    [Fact]
    public void Feed_PassportWithEmptyLeadingLine_EmitsTwoLines()
    {
        var frames = FeedAll(Decoder(), Of($"\u0001\u005cOU\u00020\r{Td3Line1}\r{Td3Line2}\r\u0003\u007f"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }

    [Fact]
    public void Feed_UnderscorePadding_BecomesFiller()
    {
        var frames = FeedAll(Decoder(), Of("\u0001\u0020OU\u00020\r\rABC_____\r\u0003\u0000"));

        Assert.Equal(["ABC<<<<<"], frames);
    }

    [Fact]
    public void Feed_PaddingNormalisationOff_KeepsUnderscores()
    {
        var frames = FeedAll(Decoder(new FramingOptions { ThreeMNormalisePadding = false }), Of("\u0001\u0020OU\u00020\r\rABC__\r\u0003\u0000"));

        Assert.Equal(["ABC__"], frames);
    }

    [Fact]
    public void Feed_LengthByteEqualToStxOrSoh_DoesNotConfuseHeader()
    {
        var frames = FeedAll(Decoder(), Of($"\u0001\u0002OU\u00020{Td1Line1}\r{Td1Line2}\r{Td1Line3}\r\u0003\u0001"), Of("\u0001\u0001OU\u00020\r\rX\r\u0003\u0002"));

        Assert.Equal([$"{Td1Line1}\n{Td1Line2}\n{Td1Line3}", "X"], frames);
    }

    [Fact]
    public void Feed_BlockCheckByteEqualToSoh_IsNotTakenForANewFrame()
    {
        var frames = FeedAll(Decoder(), Of("\u0001\u0010OU\u00020\r\rA\r\u0003\u0001\u0001\u0010OU\u00020\r\rB\r\u0003\u0005"));

        Assert.Equal(["A", "B"], frames);
    }

    [Fact]
    public void Feed_WithoutFlagByteOption_KeepsFirstCharacter()
    {
        var frames = FeedAll(Decoder(new FramingOptions { ThreeMFlagByte = false, ThreeMBlockCheck = false }), Of("\u0001\u0010OU\u0002\r\rAB\r\u0003"));

        Assert.Equal(["AB"], frames);
    }

    [Fact]
    public void Feed_HeaderWithoutOuMarker_IsSkipped()
    {
        var frames = FeedAll(Decoder(), Of("\u0001\u0010XY\u00020\r\rA\r\u0003\u0000"));

        Assert.Empty(frames);
    }

    [Fact]
    public void Feed_NewSohMidFrame_RestartsOnTheNewFrame()
    {
        var frames = FeedAll(Decoder(), Of($"\u0001\u0010OU\u00020\r{Td3Line1[..20]}"), Of($"\u0001\u0010OU\u00020\r{Td3Line1}\r{Td3Line2}\r\u0003\u0000"));

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}"], frames);
    }
}
