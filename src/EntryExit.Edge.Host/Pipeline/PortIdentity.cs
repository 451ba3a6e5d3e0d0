namespace EntryExit.Edge.Host.Pipeline;

/// <summary>Where the gateway stands: the port of entry and its local time zone.</summary>
/// <param name="GatewayId">The gateway's id.</param>
/// <param name="EntryCountry">"CAN" or "USA".</param>
/// <param name="PortCode">Port-of-entry code.</param>
/// <param name="PortName">Port-of-entry name.</param>
/// <param name="Zone">The port's time zone: the local date resolves MRZ years, the offset goes into each record.</param>
public sealed record PortIdentity(string GatewayId, string EntryCountry, string PortCode, string PortName, TimeZoneInfo Zone);
