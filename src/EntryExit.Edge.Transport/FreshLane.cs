namespace EntryExit.Edge.Transport;

/// <summary>
/// Records the host has just put into the outbox, offered straight to the pump so they get a share of every
/// round while an old backlog drains. Only a shortcut: the outbox still holds every record, so dropping
/// an entry here (overflow, restart) loses nothing; it is simply sent in oldest-first order instead.
/// </summary>
internal sealed class FreshLane(int capacity)
{
    private const int SettledMemory = 4096;
    private readonly Lock _gate = new();
    private readonly LinkedList<QueuedMessage> _lane = new();
    private readonly RecentIds _settled = new(SettledMemory);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lane.Count;
            }
        }
    }

    public void Offer(QueuedMessage message)
    {
        lock (_gate)
        {
            if (_settled.Contains(message.RecordId))
            {
                return;
            }

            _lane.AddLast(message);
            if (_lane.Count > capacity)
            {
                _lane.RemoveFirst();
            }
        }
    }

    /// <summary>
    /// Moves records, oldest offer first, into <paramref name="taken"/> until it holds <paramref name="max"/> in all,
    /// skipping those <paramref name="busy"/> says are in flight.
    /// </summary>
    public void TakeInto(List<QueuedMessage> taken, int max, Func<Guid, bool> busy)
    {
        lock (_gate)
        {
            if (_lane.Count == 0)
            {
                return;
            }

            var node = _lane.First;
            while (node is not null && taken.Count < max)
            {
                var next = node.Next;
                if (!busy(node.Value.RecordId))
                {
                    taken.Add(node.Value);
                    _lane.Remove(node);
                }

                node = next;
            }
        }
    }

    /// <summary>Forgets records that were sent another way, and remembers them so a late offer is ignored.</summary>
    public void Settle(IEnumerable<Guid> ids)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (!_settled.Add(id))
                {
                    continue;
                }

                for (var node = _lane.First; node is not null; node = node.Next)
                {
                    if (node.Value.RecordId == id)
                    {
                        _lane.Remove(node);
                        break;
                    }
                }
            }
        }
    }
}
