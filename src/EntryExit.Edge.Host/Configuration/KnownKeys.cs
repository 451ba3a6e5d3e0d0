using System.Diagnostics.CodeAnalysis;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>The configuration keys the gateway understands, derived from the settings types so they cannot drift.</summary>
internal static class KnownKeys
{
    public static IReadOnlySet<string> All { get; } = Build();

    private static HashSet<string> Build()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Add<GatewaySection>(keys, "Gateway");
        Add<ExchangeSection>(keys, "Exchange");
        Add<OutboxSection>(keys, "Outbox");
        Add<EntryExit.Edge.Transport.MqttLinkOptions>(keys, "Mqtt");
        Add<BoothSection>(keys, "Booth");
        Add<ReaderSection>(keys, "Readers:*");
        Add<GpioSection>(keys, "Gpio");
        Add<GpioLaneSection>(keys, "Gpio:Lanes:*");
        Add<GpioPresenceSection>(keys, "Gpio:Lanes:*:Presence");
        Add<GpioLcdSection>(keys, "Gpio:Lanes:*:Lcd");
        keys.Add($"Gpio:Lanes:*:OfficerPins:{UnknownKeyCheck.AnyName}"); // a map: its names are checked by the GPIO validator
        return keys;
    }

    private static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(HashSet<string> keys, string prefix)
    {
        foreach (var property in typeof(T).GetProperties())
        {
            if (property.CanWrite)
            {
                keys.Add($"{prefix}:{property.Name}");
            }
        }
    }
}
