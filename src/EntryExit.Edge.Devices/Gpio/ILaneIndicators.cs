namespace EntryExit.Edge.Devices.Gpio;

/// <summary>A lane's lights (and buzzer).</summary>
public interface ILaneIndicators
{
    /// <summary>What the lights show now.</summary>
    IndicatorState Current { get; }

    /// <summary>Shows a state (exactly one light on, or none).</summary>
    /// <param name="state">The state.</param>
    void Show(IndicatorState state);
}
