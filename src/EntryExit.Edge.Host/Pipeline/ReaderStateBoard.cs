using System.Collections.Concurrent;
using EntryExit.Edge.Devices.Readers;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>The latest state of every reader, for health messages and <c>status</c>; faults are counted in the metrics.</summary>
public sealed class ReaderStateBoard(GatewayMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);

    /// <summary>Tracks a reader from now on.</summary>
    public void Track(IDocumentReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _states[reader.ReaderId] = Describe(reader.State);
        reader.StateChanged += (_, e) =>
        {
            _states[e.ReaderId] = Describe(e.State);
            if (e.State is ReaderState.Disconnected or ReaderState.Error)
            {
                metrics?.ReaderFault(e.ReaderId, e.Lane, Describe(e.State));
            }
        };
    }

    /// <summary>Reader id to state ("connected", "disconnected"…).</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => new SortedDictionary<string, string>(_states, StringComparer.Ordinal);

    /// <summary>How many readers are connected, of how many.</summary>
    public (int Connected, int Total) Count()
    {
        var connected = _states.Values.Count(s => s == Describe(ReaderState.Connected));
        return (connected, _states.Count);
    }

    private static string Describe(ReaderState state) => state.ToString().ToLowerInvariant();
}
