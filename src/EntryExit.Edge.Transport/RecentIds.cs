namespace EntryExit.Edge.Transport;

/// <summary>A thread-safe set that remembers only the last <c>capacity</c> ids added (oldest forgotten first).</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<Guid> _order = new();

    /// <summary>Adds the id; returns false when it was already remembered.</summary>
    public bool Add(Guid id)
    {
        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>True while the id is remembered.</summary>
    public bool Contains(Guid id)
    {
        lock (_gate)
        {
            return _ids.Contains(id);
        }
    }
}
