using EntryExit.Edge.Fuzz.Config;
using EntryExit.Edge.Fuzz.Framing;
using EntryExit.Edge.Fuzz.Json;
using EntryExit.Edge.Fuzz.Mrz;

namespace EntryExit.Edge.Fuzz;

/// <summary>Every fuzz target, in the order a full run takes them.</summary>
public static class Targets
{
    /// <summary>Creates the targets (the configuration target owns a temp folder: dispose what is disposable).</summary>
    public static IReadOnlyList<FuzzTarget> Create() =>
        [new MrzTarget(), .. FramerTarget.All, new EntryRecordJsonTarget(), new ConfigTarget()];
}
