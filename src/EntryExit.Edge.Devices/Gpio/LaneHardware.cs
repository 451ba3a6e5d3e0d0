using System.Device.Gpio;

namespace EntryExit.Edge.Devices.Gpio;

/// <summary>One lane's sensors and lights as its pin map describes them; anything unmapped is absent.</summary>
public sealed class LaneHardware : IDisposable
{
    private LaneHardware(string lane, IPresenceSensor? presence, ILaneIndicators indicators, GpioOfficerInput? officerInput)
    {
        Lane = lane;
        Presence = presence;
        Indicators = indicators;
        OfficerInput = officerInput;
    }

    /// <summary>The lane.</summary>
    public string Lane { get; }

    /// <summary>The presence sensor, or null (the booth session then runs on scans and timeouts).</summary>
    public IPresenceSensor? Presence { get; }

    /// <summary>The lights (a do-nothing set when no light pin is mapped).</summary>
    public ILaneIndicators Indicators { get; }

    /// <summary>Officer buttons, or null.</summary>
    public GpioOfficerInput? OfficerInput { get; }

    /// <summary>Opens the lane's pins.</summary>
    /// <param name="pins">The lane's pin map.</param>
    /// <param name="controller">The controller (not disposed here).</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="display">The lane's display (an LCD), shown alongside the lights; disposed with the lane. Null: none.</param>
    /// <returns>The lane's hardware.</returns>
    public static LaneHardware Create(LaneGpioOptions pins, GpioController controller, TimeProvider timeProvider, ILaneIndicators? display = null)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var debounce = TimeSpan.FromMilliseconds(pins.DebounceMilliseconds);
        IPresenceSensor? presence = null;
        ILaneIndicators? indicators = null;
        try
        {
            presence = pins.PresencePin switch
            {
                null => null,
                { } pin when pins.PresenceKind == PresenceSensorKind.Pir => new PirPresenceSensor(pins.Lane, controller, pin, TimeSpan.Zero, timeProvider),
                { } pin => new BreakBeamPresenceSensor(pins.Lane, controller, pin, pins.PresenceActiveLow, debounce, timeProvider),
            };
            indicators = pins.GreenPin is null && pins.AmberPin is null && pins.RedPin is null && pins.BuzzerPin is null
                ? new NullLaneIndicators()
                : new GpioLaneIndicators(controller, pins, timeProvider);
            if (display is not null)
            {
                indicators = new CompositeLaneIndicators(indicators, display);
            }

            var officer = pins.OfficerPins.Count == 0 ? null : new GpioOfficerInput(pins.Lane, controller, pins.OfficerPins, debounce, timeProvider);
            return new LaneHardware(pins.Lane, presence, indicators, officer);
        }
        catch
        {
            // A pin that cannot be opened (busy, beyond the chip) must not leave the others open.
            presence?.Dispose();
            (indicators as IDisposable)?.Dispose();
            (display as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Presence?.Dispose();
        (Indicators as IDisposable)?.Dispose();
        OfficerInput?.Dispose();
    }
}
