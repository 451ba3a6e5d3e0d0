namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>A delivered record whose body waits to be deleted: its id, and its sequence number (rowid) when the mark knew it, else 0.</summary>
internal readonly record struct DeliveredBody(Guid RecordId, long Sequence);
