using System.Text;
using CsCheck;
using EntryExit.Edge.HardwareSim.Readers;

namespace EntryExit.Edge.Fuzz.Framing;

/// <summary>Generators of reader byte streams for one framing: clean streams (valid frames written by the
/// simulator's <see cref="FrameWriter"/>, harmless noise) and dirty ones (noise, cut and edited frames, stray
/// SOH/STX/ETX/BCC bytes, CR storms, over-long lines and frames, non-ASCII bytes, officer command lines).</summary>
public static class FrameStreams
{
    private const string MrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private static readonly Gen<byte> AnyByte = Gen.Frequency(
        (6, Gen.Byte),
        (4, Gen.OneOfConst<byte>(0x01, 0x02, 0x03, 0x0D, 0x0A)),
        (1, Gen.OneOfConst<byte>(0x00, 0x7F, 0x80, 0xFF, (byte)'#', (byte)'_', (byte)'O', (byte)'U', 0x04, 0x1B)),
        (4, Gen.Char[MrzAlphabet].Select(c => (byte)c)));

    // The same mix as a pool for bulk noise: every byte value once, framing bytes and look-alikes weighted up.
    private static readonly byte[] NoisePool =
    [
        .. Enumerable.Range(0, 256).Select(i => (byte)i),
        .. Enumerable.Repeat<byte[]>([0x01, 0x02, 0x03, 0x0D, 0x0A], 30).SelectMany(b => b),
        .. Enumerable.Repeat<byte[]>([0x00, 0x7F, 0x80, 0xFF, (byte)'#', (byte)'_', (byte)'O', (byte)'U', 0x04, 0x1B], 4).SelectMany(b => b),
        .. Enumerable.Repeat(System.Text.Encoding.ASCII.GetBytes(MrzAlphabet), 4).SelectMany(b => b),
    ];

    private static Gen<byte[]> Noise(int min, int max, byte? without = null) =>
        Cheap.Bytes(Gen.Int[min, max], without is { } w ? [.. NoisePool.Where(b => b != w)] : NoisePool);

    private static Gen<string> Line(int min, int max) => Gen.Frequency(
        (6, Gen.OneOfConst(30, 36, 44)),
        (2, Gen.Int[min, Math.Min(max, 128)]),
        (max > 128 ? 1 : 0, Gen.Int[129, Math.Max(129, max)]))
        .SelectMany(n => Cheap.Chars(Gen.Const(n), MrzAlphabet));

    /// <summary>A valid document's lines that every decoder's default limits accept.</summary>
    public static readonly Gen<string[]> CleanDocument = Line(1, 128).Array[1, 6];

    private static readonly Gen<string[]> AnyDocument = Gen.Frequency(
        (8, CleanDocument),
        (1, Line(0, 300).Array[1, 9]));

    /// <summary>Inputs for <paramref name="framing"/>.</summary>
    public static Gen<FramerInput> For(SimFraming framing)
    {
        var splitA = Gen.Int[1, 64].Array[1, 16];
        var splitB = Gen.Frequency((1, Gen.Const(new[] { 1 })), (3, Gen.Int[1, 300].Array[1, 8]));
        var resync = Cheap.Chars(Gen.OneOfConst(30, 36, 44), MrzAlphabet).Array[1, 3];
        return Gen.Frequency((3, Clean(framing)), (7, Dirty(framing)))
            .SelectMany(b => Gen.Select(splitA, splitB, resync, (a, s, r) => b with { SplitA = a, SplitB = s, Resync = r }));
    }

    private static Gen<FramerInput> Clean(SimFraming framing)
    {
        // Noise that a decoder of this framing must skip: outside frames, and holding no byte that starts one.
        var noise = framing switch
        {
            SimFraming.StxEtx => Noise(0, 40, without: 0x02),
            SimFraming.ThreeM => Noise(0, 40, without: 0x01),
            _ => Gen.Const(Array.Empty<byte>()),
        };
        var docs = framing == SimFraming.ThreeM ? CleanDocument.Where(d => d.Length <= 3 || d.All(l => l.Length > 0)) : CleanDocument;
        return Gen.Select(docs, noise).Array[0, 6].Select(parts =>
        {
            var bursts = new List<byte[]>();
            foreach (var (doc, junk) in parts)
            {
                bursts.Add([.. junk, .. FrameWriter.Encode(framing, doc)]);
            }

            var expected = parts.Select(p => string.Join('\n', framing == SimFraming.ThreeM ? p.Item1.Select(PadThreeM) : p.Item1)).ToArray();
            return new FramerInput(framing == SimFraming.BareLines ? [.. bursts] : [[.. bursts.SelectMany(b => b)]], [1], [1], expected, []);
        });
    }

    private static Gen<FramerInput> Dirty(SimFraming framing)
    {
        var frame = AnyDocument.Select(d => FrameWriter.Encode(framing, d));
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], AnyByte);
        var segment = Gen.Frequency(
            (5, frame),
            (3, Noise(1, 64)),
            (4, Gen.Select(frame, edit.Array[1, 4], Edit)),
            (1, Gen.Const(Encoding.ASCII.GetBytes("#DECLARE us-citizen\r"))),
            (1, Gen.Select(Gen.Int[129, 800], Gen.Byte[0x20, 0x7E], (n, b) => Enumerable.Repeat(b, n).ToArray())),
            (1, Gen.Select(Gen.Int[1, 100], Gen.OneOfConst<byte>(0x0D, 0x0A), (n, b) => Enumerable.Repeat(b, n).ToArray())),
            (1, Cheap.Bytes(Gen.Int[1, 40], [.. Enumerable.Range(0x80, 128).Select(i => (byte)i)])));
        return Gen.Select(segment.Array[1, 8], Gen.Int[1, 4], (segments, burstCount) =>
        {
            var bursts = new List<byte[]>();
            var per = Math.Max(1, (segments.Length + burstCount - 1) / burstCount);
            for (var i = 0; i < segments.Length; i += per)
            {
                bursts.Add([.. segments.Skip(i).Take(per).SelectMany(s => s)]);
            }

            return new FramerInput([.. bursts], [1], [1], null, []);
        });
    }

    /// <summary>Replace (0), insert (1) or delete (2) one byte, or cut the frame (3).</summary>
    private static byte[] Edit(byte[] frame, (int Kind, int Where, byte Value)[] edits)
    {
        var bytes = frame.ToList();
        foreach (var (kind, where, value) in edits)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = (int)((long)where * bytes.Count / 1001);
            switch (kind)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                case 2: bytes.RemoveAt(at); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>What the 3M decoder yields for a line the simulator padded with '_' to 30 or 44.</summary>
    public static string PadThreeM(string line) => line.Length switch
    {
        <= 30 => line.PadRight(30, '<'),
        <= 44 => line.PadRight(44, '<'),
        _ => line,
    };
}
