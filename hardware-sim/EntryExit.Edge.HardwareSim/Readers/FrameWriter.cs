using System.Text;

namespace EntryExit.Edge.HardwareSim.Readers;

/// <summary>Encodes a document's lines the way a reader of each framing sends them.</summary>
public static class FrameWriter
{
    private const byte Soh = 0x01;
    private const byte Stx = 0x02;
    private const byte Etx = 0x03;
    private const byte Cr = 0x0D;

    /// <summary>The 3M flag byte the simulator sends ("read OK").</summary>
    public const byte ThreeMFlag = (byte)'0';

    /// <summary>Encodes one document.</summary>
    /// <param name="framing">The framing.</param>
    /// <param name="lines">The document's lines (ASCII).</param>
    /// <returns>The bytes on the wire.</returns>
    public static byte[] Encode(SimFraming framing, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var bytes = new List<byte>(160);
        switch (framing)
        {
            case SimFraming.Lines:
                AppendLines(bytes, lines);
                bytes.Add(Cr);
                break;
            case SimFraming.BareLines:
                AppendLines(bytes, lines);
                break;
            case SimFraming.StxEtx:
                bytes.Add(Stx);
                AppendLines(bytes, lines);
                bytes.Add(Etx);
                break;
            case SimFraming.ThreeM:
                EncodeThreeM(bytes, lines);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(framing), framing, "Unknown framing.");
        }

        return [.. bytes];
    }

    private static void AppendLines(List<byte> bytes, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            bytes.AddRange(Encoding.ASCII.GetBytes(line));
            bytes.Add(Cr);
        }
    }

    private static void EncodeThreeM(List<byte> bytes, IReadOnlyList<string> lines)
    {
        // Three lines always: missing top lines are empty, so the bottom line is line 3; '_' pads to 30 or 44.
        var body = new List<byte> { ThreeMFlag };
        for (var i = lines.Count; i < 3; i++)
        {
            body.Add(Cr);
        }

        foreach (var line in lines)
        {
            var width = line.Length <= 30 ? 30 : 44;
            body.AddRange(Encoding.ASCII.GetBytes(line.PadRight(Math.Max(width, line.Length), '_')));
            body.Add(Cr);
        }

        bytes.Add(Soh);
        bytes.Add((byte)(body.Count & 0xFF));
        bytes.Add((byte)'O');
        bytes.Add((byte)'U');
        bytes.Add(Stx);
        bytes.AddRange(body);
        bytes.Add(Etx);
        byte check = 0;
        foreach (var b in body)
        {
            check ^= b;
        }

        bytes.Add((byte)(check ^ Etx));
    }
}
