namespace EntryExit.Edge.Chaos.Faults;

/// <summary>What the proxy does to the gateway's link to the broker.</summary>
internal enum ProxyMode
{
    /// <summary>Forwards both ways.</summary>
    Pass,

    /// <summary>Resets every connection (RST) and every new one.</summary>
    Cut,

    /// <summary>Accepts, forwards nothing: bytes wait until healed.</summary>
    BlackHole,

    /// <summary>Forwards with added latency and a byte-rate cap.</summary>
    Slow,
}
