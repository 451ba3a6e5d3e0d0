namespace EntryExit.Edge.Devices.Gpio;

/// <summary>Several ways of showing a lane's step at once (lights and a display); the first one's state is reported.</summary>
public sealed class CompositeLaneIndicators : ILaneIndicators, IDisposable
{
    private readonly ILaneIndicators[] _parts;

    /// <summary>Combines the parts.</summary>
    /// <param name="parts">At least one; each is disposed with this one when disposable.</param>
    public CompositeLaneIndicators(params ILaneIndicators[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Length);
        _parts = parts;
    }

    /// <inheritdoc />
    public IndicatorState Current => _parts[0].Current;

    /// <inheritdoc />
    public void Show(IndicatorState state)
    {
        foreach (var part in _parts)
        {
            part.Show(state);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var part in _parts)
        {
            (part as IDisposable)?.Dispose();
        }
    }
}
