using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>What <c>demo</c> and tests change in a gateway run; <c>run</c> uses none of it.</summary>
internal sealed record GatewayRunHooks
{
    /// <summary>Readers to use instead of the configured ones.</summary>
    public IReadOnlyList<IDocumentReader>? Readers { get; init; }

    /// <summary>The booth hardware to use when <c>Gpio:Driver</c> is "simulated" (tests drive its inputs and read its
    /// outputs and displays); default: <see cref="SimulatedBooth.Default"/>.</summary>
    public SimulatedBooth? SimulatedBooth { get; init; }

    /// <summary>Runs while the host is up; its result is the exit code, and the host stops when it returns.</summary>
    public Func<GatewayParts, IHost, CancellationToken, Task<int>>? WhileRunning { get; init; }

    /// <summary>Adjusts logging (the demo keeps the console for its summary).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
