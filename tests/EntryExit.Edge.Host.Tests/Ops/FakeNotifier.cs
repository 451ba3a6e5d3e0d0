using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting.Systemd;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>Records what would have gone to systemd's notify socket.</summary>
internal sealed class FakeNotifier(TimeProvider? time = null) : ISystemdNotifier
{
    public ConcurrentQueue<string> States { get; } = new();

    public ConcurrentQueue<DateTimeOffset> PetTimes { get; } = new();

    public bool IsEnabled => true;

    public void Notify(ServiceState state)
    {
        var text = state.ToString();
        if (text == "WATCHDOG=1")
        {
            PetTimes.Enqueue((time ?? TimeProvider.System).GetUtcNow());
        }

        States.Enqueue(text);
    }

    public int Pets => States.Count(s => s == "WATCHDOG=1");

    public string? LastStatus => States.LastOrDefault(s => s.StartsWith("STATUS=", StringComparison.Ordinal));
}
