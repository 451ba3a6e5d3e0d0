namespace EntryExit.Edge.Transport;

/// <summary>
/// Operational figures the host reports for the periodic health message. Counts and states only:
/// nothing here may carry personal data.
/// </summary>
/// <param name="OutboxDepth">Records waiting for delivery.</param>
/// <param name="OldestPendingAge">Age of the oldest waiting record; null when the outbox is empty.</param>
/// <param name="ReaderStates">Reader id to state ("ok", "disconnected"…).</param>
public sealed record GatewayHealth(int OutboxDepth, TimeSpan? OldestPendingAge, IReadOnlyDictionary<string, string> ReaderStates);
