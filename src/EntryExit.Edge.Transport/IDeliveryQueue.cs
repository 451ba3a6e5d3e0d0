using System.Diagnostics.CodeAnalysis;

namespace EntryExit.Edge.Transport;

/// <summary>
/// What the <see cref="DeliveryPump"/> pulls from: the durable outbox, seen from the transport.
/// Transport never references Storage; the host adapts the outbox to this interface.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the name agreed with the outbox and host.")]
public interface IDeliveryQueue
{
    /// <summary>Reads up to <paramref name="max"/> messages that are due now, oldest first.</summary>
    Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks messages delivered (the broker acknowledged them); they are never read again.</summary>
    Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Moves a message the broker refused for good to the dead-letter set, with the reason.</summary>
    Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and makes the message due again at <paramref name="notBefore"/>.</summary>
    Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>True for a leasing queue (the outbox): a message read is not read again until it is marked, retried or
    /// released, so the pump reads only what it can send. False: reads may return messages already in flight.</summary>
    bool LeasesReadMessages => false;

    /// <summary>Hands back messages read but not published (window full, link down): they are due again at once.
    /// Without this a leasing queue would hold them until its lease runs out.</summary>
    void Release(IReadOnlyCollection<Guid> ids)
    {
    }
}
