namespace EntryExit.Edge.Storage;

/// <summary>What one <see cref="SqliteOutbox.RunMaintenanceAsync"/> pass did.</summary>
/// <param name="Expired">Pending records moved to <see cref="OutboxState.Expired"/> (each pass that expires any raises an alarm).</param>
/// <param name="AuditStubsRemoved">Delivered stubs deleted because their retention ended.</param>
/// <param name="PagesReclaimed">Free pages returned to the file system by incremental vacuum.</param>
public sealed record MaintenanceReport(int Expired, int AuditStubsRemoved, long PagesReclaimed);
