namespace EntryExit.Edge.HardwareSim.Readers;

/// <summary>The wire framing a virtual reader speaks (the simulator's own copy; it shares no code with the gateway).</summary>
public enum SimFraming
{
    /// <summary>Keyboard wedge: each line ended by CR, the document ended by a blank line (an extra CR).</summary>
    Lines,

    /// <summary>DESKO: <c>&lt;STX&gt;line1&lt;CR&gt;line2&lt;CR&gt;[line3&lt;CR&gt;]&lt;ETX&gt;</c>.</summary>
    StxEtx,

    /// <summary>3M: <c>&lt;SOH&gt;len"OU"&lt;STX&gt;flag line1&lt;CR&gt;line2&lt;CR&gt;line3&lt;CR&gt;&lt;ETX&gt;BCC</c>, <c>_</c> padding.</summary>
    ThreeM,

    /// <summary>Bare CR-ended lines; only silence ends the document.</summary>
    BareLines,
}
