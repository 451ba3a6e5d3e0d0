using EntryExit.Edge.Devices.Readers;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Storage;

namespace EntryExit.Edge.Host.Hosting;

/// <summary>What a gateway host is built from: validated settings, the opened outbox and the readers.</summary>
/// <param name="Settings">Validated settings.</param>
/// <param name="Outbox">The outbox, opened (its key checked, its file verified) before the host starts.</param>
/// <param name="Readers">One reader per configured lane.</param>
/// <param name="Time">The clock.</param>
/// <param name="Hardware">The lanes' GPIO sensors, lights and buttons, opened (and disposed) by the caller; null: none.</param>
public sealed record GatewayParts(GatewaySettings Settings, SqliteOutbox Outbox, IReadOnlyList<IDocumentReader> Readers, TimeProvider Time,
    BoothHardware? Hardware = null);
