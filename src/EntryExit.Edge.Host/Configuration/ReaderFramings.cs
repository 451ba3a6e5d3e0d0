using EntryExit.Edge.Devices.Framing;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>The framing names a configuration may use, and their defaults per reader kind.</summary>
internal static class ReaderFramings
{
    private static readonly (string Name, FramingKind Kind)[] Known =
    [
        ("lines", FramingKind.Lines),
        ("stx-etx", FramingKind.StxEtx),
        ("3m", FramingKind.ThreeM),
        ("idle-timeout", FramingKind.IdleTimeout),
    ];

    public static bool TryParse(string? name, string kind, out FramingKind framing)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            framing = kind == ReaderKinds.Serial ? FramingKind.StxEtx : FramingKind.Lines;
            return true;
        }

        foreach (var (known, value) in Known)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                framing = value;
                return true;
            }
        }

        framing = default;
        return false;
    }

    public static string Describe() => string.Join(", ", Known.Select(k => $"\"{k.Name}\""));
}
