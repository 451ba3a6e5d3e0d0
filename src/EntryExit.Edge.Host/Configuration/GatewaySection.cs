namespace EntryExit.Edge.Host.Configuration;

/// <summary>Configuration section <c>Gateway</c>: who this gateway is and where it stands.</summary>
public sealed class GatewaySection
{
    /// <summary>Unique gateway id (MQTT client id, status topic). Letters, digits, '-', '_' and '.'.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Whose entry the records are: "CAN" or "USA".</summary>
    public string EntryCountry { get; set; } = string.Empty;

    /// <summary>Port-of-entry code, e.g. "0427".</summary>
    public string PortCode { get; set; } = string.Empty;

    /// <summary>Port-of-entry name, e.g. "Peace Arch".</summary>
    public string PortName { get; set; } = string.Empty;

    /// <summary>IANA time zone of the port (for the record's UTC offset); the machine's zone when empty.</summary>
    public string? TimeZone { get; set; }
}
