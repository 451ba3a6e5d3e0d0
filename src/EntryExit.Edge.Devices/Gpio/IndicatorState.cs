namespace EntryExit.Edge.Devices.Gpio;

/// <summary>What a lane's lights say.</summary>
public enum IndicatorState
{
    /// <summary>All off (no traveller, or waiting for a scan).</summary>
    Off,

    /// <summary>Green: the record was accepted.</summary>
    Accepted,

    /// <summary>Amber: please scan the document again.</summary>
    Rescan,

    /// <summary>Red: officer attention (a hold, waiting for a declaration).</summary>
    Attention,
}
