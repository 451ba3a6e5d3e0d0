using EntryExit.Edge.Devices.Gpio;

namespace EntryExit.Edge.Host.Configuration;

/// <summary>Checks the <c>Gpio</c> section against itself and the readers: driver, chip, every pin map. Reports every
/// problem with its key path.</summary>
internal static class GpioSettingsValidator
{
    /// <summary>Highest line offset accepted; real chips have fewer lines, which opening the pin reports.</summary>
    public const int MaxPin = 1023;

    public static void Validate(GpioSection gpio, IReadOnlyList<ReaderSection> readers, List<ConfigProblem> problems)
    {
        var enabled = GpioNames.IsEnabled(gpio);
        if (enabled && GpioNames.Canonical(gpio.Driver) is null)
        {
            problems.Add(new("Gpio:Driver", $"must be {Describe(GpioNames.Drivers)} or \"{GpioNames.None}\"; got \"{gpio.Driver}\"."));
        }
        else if (string.IsNullOrWhiteSpace(gpio.Driver) && gpio.Lanes.Count > 0)
        {
            problems.Add(new("Gpio:Driver", $"required when Gpio:Lanes maps pins: {Describe(GpioNames.Drivers)} (the gateway never guesses), " +
                                            $"or \"{GpioNames.None}\" to keep the pin maps unused."));
        }

        if (gpio.Chip is < 0 or > 255)
        {
            problems.Add(new("Gpio:Chip", $"must be the N of /dev/gpiochipN (0–255); got {gpio.Chip}."));
        }

        var readerLanes = readers.Select(r => r.Lane).ToHashSet(StringComparer.Ordinal);
        var lanes = new HashSet<string>(StringComparer.Ordinal);
        var pins = new Dictionary<int, string>();
        var displays = new Dictionary<(int Bus, int Address), string>();
        for (var i = 0; i < gpio.Lanes.Count; i++)
        {
            ValidateLane(gpio.Lanes[i], $"Gpio:Lanes:{i}", readerLanes, lanes, pins, problems);
            if (gpio.Lanes[i].Lcd is { } lcd)
            {
                ValidateLcd(lcd, $"Gpio:Lanes:{i}:Lcd", displays, problems);
            }
        }
    }

    private static void ValidateLcd(GpioLcdSection lcd, string key, Dictionary<(int Bus, int Address), string> displays, List<ConfigProblem> problems)
    {
        if (lcd.Bus is < 0 or > 255)
        {
            problems.Add(new($"{key}:Bus", $"must be the N of /dev/i2c-N (0–255); got {lcd.Bus}."));
        }

        if (!lcd.TryGetAddress(out var address))
        {
            problems.Add(new($"{key}:Address", $"must be a 7-bit I2C address between 0x03 and 0x77, e.g. \"0x27\" (PCF8574) or \"0x3F\" (PCF8574A); got \"{lcd.Address}\"."));
        }
        else if (!displays.TryAdd((lcd.Bus, address), key))
        {
            problems.Add(new($"{key}:Address", $"bus {lcd.Bus} address 0x{address:X2} is already used by {displays[(lcd.Bus, address)]}: two displays on one bus need " +
                                               "different addresses (the backpack's A0–A2 jumpers)."));
        }
    }

    private static void ValidateLane(GpioLaneSection lane, string key, HashSet<string> readerLanes, HashSet<string> seen, Dictionary<int, string> pins,
        List<ConfigProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(lane.Lane))
        {
            problems.Add(new($"{key}:Lane", "required: the lane whose sensors and lights these pins are (a lane of Readers)."));
        }
        else if (!seen.Add(lane.Lane))
        {
            problems.Add(new($"{key}:Lane", $"lane \"{lane.Lane}\" has another pin map above; give each lane one entry."));
        }
        else if (!readerLanes.Contains(lane.Lane))
        {
            problems.Add(new($"{key}:Lane", $"lane \"{lane.Lane}\" has no document reader: add a Readers entry with \"Lane\": \"{lane.Lane}\" " +
                                            "or correct the lane (sensors and lights follow the booth session of the lane's reader)."));
        }

        if (lane.Presence is { } presence)
        {
            ValidatePresence(presence, $"{key}:Presence", pins, problems);
        }

        if (lane.DebounceMilliseconds is < 0 or > 2000)
        {
            problems.Add(new($"{key}:DebounceMilliseconds", $"must be between 0 and 2000 ms; got {lane.DebounceMilliseconds}."));
        }

        Pin(lane.GreenPin, $"{key}:GreenPin", pins, problems);
        Pin(lane.AmberPin, $"{key}:AmberPin", pins, problems);
        Pin(lane.RedPin, $"{key}:RedPin", pins, problems);
        Pin(lane.BuzzerPin, $"{key}:BuzzerPin", pins, problems);
        if (lane.BuzzerMilliseconds is < 10 or > 5000)
        {
            problems.Add(new($"{key}:BuzzerMilliseconds", $"must be between 10 and 5000 ms; got {lane.BuzzerMilliseconds}."));
        }

        foreach (var (token, pin) in lane.OfficerPins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pinKey = $"{key}:OfficerPins:{token}";
            if (!OfficerStatusTokens.All.Contains(token.ToLowerInvariant()))
            {
                problems.Add(new(pinKey, $"\"{token}\" is not an officer status; use {Describe([.. OfficerStatusTokens.All.Order(StringComparer.Ordinal)])}."));
            }

            Pin(pin, pinKey, pins, problems);
        }
    }

    private static void ValidatePresence(GpioPresenceSection presence, string key, Dictionary<int, string> pins, List<ConfigProblem> problems)
    {
        var kind = presence.Kind?.Trim().ToLowerInvariant();
        if (kind is not (GpioNames.BreakBeam or GpioNames.Pir))
        {
            problems.Add(new($"{key}:Kind", $"must be \"{GpioNames.BreakBeam}\" or \"{GpioNames.Pir}\"; got \"{presence.Kind}\"."));
        }

        if (presence.Pin is null)
        {
            problems.Add(new($"{key}:Pin", "required: the sensor's input pin (line offset on Gpio:Chip)."));
        }
        else
        {
            Pin(presence.Pin, $"{key}:Pin", pins, problems);
        }

        var level = GpioNames.EffectiveLevel(presence);
        if (level is not (GpioNames.Low or GpioNames.High))
        {
            problems.Add(new($"{key}:ActiveLevel", $"must be \"{GpioNames.Low}\" or \"{GpioNames.High}\" (the level that means someone is there); got \"{presence.ActiveLevel}\"."));
        }
        else if (kind == GpioNames.Pir && level == GpioNames.Low)
        {
            problems.Add(new($"{key}:ActiveLevel", "a PIR (HC-SR501) drives its output high on motion: leave ActiveLevel out or set \"high\"; " +
                                                   "for a sensor that pulls low, use Kind \"break-beam\"."));
        }
    }

    private static void Pin(int? pin, string key, Dictionary<int, string> pins, List<ConfigProblem> problems)
    {
        if (pin is not { } p)
        {
            return;
        }

        if (p is < 0 or > MaxPin)
        {
            problems.Add(new(key, $"must be a line offset on the GPIO chip (0–{MaxPin}); got {p}."));
        }
        else if (!pins.TryAdd(p, key))
        {
            problems.Add(new(key, $"pin {p} is already used by {pins[p]}: one line cannot serve two purposes; check the wiring plan."));
        }
    }

    private static string Describe(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
