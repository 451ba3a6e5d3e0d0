namespace EntryExit.Edge.Transport;

/// <summary>Who this gateway is on the wire: it shapes the topics and the status messages.</summary>
/// <param name="GatewayId">Gateway id (also the default MQTT client id).</param>
/// <param name="EntryCountry">"CAN" or "USA".</param>
/// <param name="PortCode">Port-of-entry code.</param>
/// <param name="Version">Software version reported in status and health messages.</param>
public sealed record GatewayIdentity(string GatewayId, string EntryCountry, string PortCode, string Version);
