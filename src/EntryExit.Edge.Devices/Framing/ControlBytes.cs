namespace EntryExit.Edge.Devices.Framing;

/// <summary>ASCII control bytes used by reader framings.</summary>
public static class ControlBytes
{
    /// <summary>Start of heading (3M frames start with it).</summary>
    public const byte Soh = 0x01;

    /// <summary>Start of text.</summary>
    public const byte Stx = 0x02;

    /// <summary>End of text.</summary>
    public const byte Etx = 0x03;

    /// <summary>Line feed.</summary>
    public const byte Lf = 0x0A;

    /// <summary>Carriage return.</summary>
    public const byte Cr = 0x0D;
}
