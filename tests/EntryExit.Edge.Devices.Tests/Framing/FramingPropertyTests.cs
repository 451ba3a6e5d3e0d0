using CsCheck;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.HardwareSim.Readers;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Devices.Tests.Framing;

/// <summary>Properties over every framing, with the simulator's own frame writer as the independent encoder.</summary>
public sealed class FramingPropertyTests
{
    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"], 30, 30],
        Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"], 44, 44]);

    private static readonly Gen<string[][]> Documents = Line.Array[1, 3].Array[1, 6];

    private static readonly Gen<int[]> ChunkSizes = Gen.Int[1, 64].Array[1, 20];

    public static TheoryData<SimFraming> Framings => [SimFraming.Lines, SimFraming.StxEtx, SimFraming.ThreeM, SimFraming.BareLines];

    [Theory]
    [MemberData(nameof(Framings))]
    public void RandomChunking_OfValidStream_YieldsTheSameFrames(SimFraming framing)
    {
        Gen.Select(Documents, ChunkSizes).Sample((documents, chunkSizes) =>
        {
            var time = new FakeTimeProvider();
            var decoder = FrameDecoderFactory.Create(OptionsFor(framing), time);
            var frames = new List<string>();
            var chunkIndex = 0;
            foreach (var document in documents)
            {
                var bytes = FrameWriter.Encode(framing, document);
                for (var offset = 0; offset < bytes.Length;)
                {
                    var size = Math.Min(chunkSizes[chunkIndex++ % chunkSizes.Length], bytes.Length - offset);
                    decoder.Feed(bytes.AsSpan(offset, size), frames);
                    decoder.Poll(frames);
                    offset += size;
                }

                // Bare lines end only by silence.
                time.Advance(TimeSpan.FromSeconds(1));
                decoder.Poll(frames);
            }

            var expected = documents.Select(d => string.Join('\n', d)).ToList();
            Assert.Equal(expected, frames);
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public void RandomBytes_NeverThrow_AndBuffersStayBounded(SimFraming framing)
    {
        var options = OptionsFor(framing);
        var bound = options.MaxLineLength * options.MaxLinesPerFrame;
        Gen.Byte.Array[0, 512].Array[1, 40].Sample(chunks =>
        {
            var time = new FakeTimeProvider();
            var decoder = FrameDecoderFactory.Create(options, time);
            var frames = new List<string>();
            foreach (var chunk in chunks)
            {
                decoder.Feed(chunk, frames);
                decoder.Poll(frames);
                Assert.InRange(BufferedChars(decoder), 0, bound);
            }

            Assert.All(frames, f => Assert.InRange(f.Length, 1, bound + options.MaxLinesPerFrame));
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public void ValidFrame_AfterRandomGarbage_IsStillDecodedOnceResynchronised(SimFraming framing)
    {
        Gen.Select(Gen.Byte.Array[0, 300], Line.Array[2, 3]).Sample((garbage, lines) =>
        {
            var time = new FakeTimeProvider();
            var decoder = FrameDecoderFactory.Create(OptionsFor(framing), time);
            var frames = new List<string>();
            decoder.Feed(garbage, frames);

            // What a real reader does after noise: silence, then a frame (line framings resync at a line end).
            time.Advance(TimeSpan.FromSeconds(1));
            decoder.Poll(frames);
            decoder.Feed("\r\r"u8, frames);
            time.Advance(TimeSpan.FromSeconds(1));
            decoder.Poll(frames);
            frames.Clear();
            decoder.Feed(FrameWriter.Encode(framing, lines), frames);
            time.Advance(TimeSpan.FromSeconds(1));
            decoder.Poll(frames);

            Assert.Equal(string.Join('\n', lines), Assert.Single(frames));
        }, iter: 300);
    }

    private static FramingOptions OptionsFor(SimFraming framing) => framing switch
    {
        SimFraming.Lines => new FramingOptions { Kind = FramingKind.Lines },
        SimFraming.StxEtx => new FramingOptions { Kind = FramingKind.StxEtx },
        SimFraming.ThreeM => new FramingOptions { Kind = FramingKind.ThreeM },
        _ => new FramingOptions { Kind = FramingKind.IdleTimeout, IdleGap = TimeSpan.FromMilliseconds(500) },
    };

    private static int BufferedChars(IFrameDecoder decoder) => decoder switch
    {
        LineFrameDecoder d => d.BufferedChars,
        StxEtxFrameDecoder d => d.BufferedChars,
        ThreeMFrameDecoder d => d.BufferedChars,
        _ => throw new InvalidOperationException("unknown decoder"),
    };
}
