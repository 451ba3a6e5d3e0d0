namespace EntryExit.Edge.Devices.Gpio;

/// <summary>A lane without lights: remembers the state, drives nothing.</summary>
public sealed class NullLaneIndicators : ILaneIndicators
{
    /// <inheritdoc />
    public IndicatorState Current { get; private set; }

    /// <inheritdoc />
    public void Show(IndicatorState state) => Current = state;
}
