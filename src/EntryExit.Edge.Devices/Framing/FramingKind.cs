namespace EntryExit.Edge.Devices.Framing;

/// <summary>How a document reader delimits one document on its byte stream.</summary>
public enum FramingKind
{
    /// <summary>CR, LF or CRLF ended lines (keyboard-wedge style); a blank line or an idle gap ends a document.</summary>
    Lines,

    /// <summary>DESKO style: <c>&lt;STX&gt;line1&lt;CR&gt;line2&lt;CR&gt;[line3&lt;CR&gt;]&lt;ETX&gt;</c>.</summary>
    StxEtx,

    /// <summary>3M style: <c>&lt;SOH&gt;[len]"OU"&lt;STX&gt;[flag]lines&lt;CR&gt;..&lt;ETX&gt;[BCC]</c>, <c>_</c> padding.</summary>
    ThreeM,

    /// <summary>Bare lines; the document ends when the reader has been silent for the idle gap.</summary>
    IdleTimeout,
}
