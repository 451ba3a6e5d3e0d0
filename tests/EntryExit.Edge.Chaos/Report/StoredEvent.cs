namespace EntryExit.Edge.Chaos.Report;

/// <summary>A "record stored" line of the gateway's log: from then on the record is durable and must be delivered.</summary>
internal sealed record StoredEvent(Guid RecordId, string Lane, int Instance);
