using System.Globalization;
using System.Text;

namespace EntryExit.Edge.Fuzz.Framing;

/// <summary>
/// One framer input: bursts of bytes (a burst is what arrives without an idle gap; between bursts the reader is
/// silent longer than the idle gap), two ways of cutting the bytes into reads, and, for a clean stream, the frames it
/// must yield exactly.
/// </summary>
/// <param name="Bursts">The bytes, burst by burst.</param>
/// <param name="SplitA">Read sizes, used in turn (cycled).</param>
/// <param name="SplitB">Other read sizes.</param>
/// <param name="Expected">For a clean stream (valid frames, harmless noise): the frames, in order; else null.</param>
/// <param name="Resync">Lines of a valid frame sent after the stream: the decoder must recover and yield it.</param>
public sealed record FramerInput(byte[][] Bursts, int[] SplitA, int[] SplitB, string[]? Expected, string[] Resync)
{
    private const string Magic = "entryexit-framer-input v1";

    /// <summary>The corpus form: a short text header, then the bursts' raw bytes.</summary>
    public byte[] ToBytes()
    {
        var header = new StringBuilder();
        header.Append(Magic).Append('\n');
        header.Append("bursts ").AppendJoin(',', Bursts.Select(b => b.Length)).Append('\n');
        header.Append("split-a ").AppendJoin(',', SplitA).Append('\n');
        header.Append("split-b ").AppendJoin(',', SplitB).Append('\n');
        header.Append("expected ").Append(Expected switch
        {
            null => "-",
            [] => "~",
            _ => Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Join('\u0001', Expected))),
        }).Append('\n');
        header.Append("resync ").AppendJoin(',', Resync).Append('\n');
        header.Append('\n');
        return [.. Encoding.ASCII.GetBytes(header.ToString()), .. Bursts.SelectMany(b => b)];
    }

    /// <summary>Reads the corpus form; a plain byte file (no header) is one burst cut into 1- and 7-byte reads.</summary>
    public static FramerInput FromBytes(byte[] bytes)
    {
        var magic = Encoding.ASCII.GetBytes(Magic + "\n");
        if (!bytes.AsSpan().StartsWith(magic))
        {
            return new FramerInput([bytes], [1], [7], null, ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);
        }

        var end = bytes.AsSpan().IndexOf("\n\n"u8);
        var lines = Encoding.ASCII.GetString(bytes, 0, end).Split('\n').Skip(1).ToDictionary(l => l[..l.IndexOf(' ', StringComparison.Ordinal)], l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
        var offset = end + 2;
        var bursts = new List<byte[]>();
        foreach (var length in Ints(lines["bursts"]))
        {
            bursts.Add(bytes[offset..(offset + length)]);
            offset += length;
        }

        var expected = lines["expected"] switch
        {
            "-" => null,
            "~" => [],
            var e => Encoding.ASCII.GetString(Convert.FromBase64String(e)).Split('\u0001'),
        };
        var resync = lines["resync"].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new FramerInput([.. bursts], Ints(lines["split-a"]), Ints(lines["split-b"]), expected, resync);
    }

    private static int[] Ints(string s) =>
        [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture))];
}
