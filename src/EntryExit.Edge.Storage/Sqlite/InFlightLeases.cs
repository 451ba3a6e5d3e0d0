using System.Collections.Concurrent;

namespace EntryExit.Edge.Storage.Sqlite;

/// <summary>
/// Records handed out by <see cref="SqliteOutbox.ReadDueAsync"/> and not yet settled (in memory only: a crash makes
/// them pending again), and a scan cursor so a read does not walk the whole leased prefix of the queue again.
/// </summary>
/// <remarks>
/// The cursor is only a shortcut: every row at or below it was leased, or not due, when last scanned. A released or
/// expired lease lowers it; rows that become due with time (retries) or appear below it are found because the scan
/// starts again from the beginning at least every <see cref="RescanInterval"/>.
/// </remarks>
internal sealed class InFlightLeases
{
    /// <summary>The longest a due row below the cursor can go unseen.</summary>
    public static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Held> _leases = new();
    private long _cursor;
    private long _rescanAtMs;
    private long _sweepAtMs;

    /// <summary>Records currently leased.</summary>
    public int Count => _leases.Count;

    /// <summary>True while the record is handed out.</summary>
    public bool Contains(Guid id) => _leases.ContainsKey(id);

    /// <summary>The sequence number a leased record was read with (the row's key: it never changes).</summary>
    public bool TryGetSeq(Guid id, out long seq)
    {
        var held = _leases.TryGetValue(id, out var lease);
        seq = lease.Seq;
        return held;
    }

    /// <summary>
    /// Ends expired leases and returns the sequence number a scan starts after (0 = from the beginning).
    /// Called by the single reader before its query.
    /// </summary>
    public long BeginScan(long nowMs, long leaseMs)
    {
        if (nowMs >= _sweepAtMs)
        {
            foreach (var (id, lease) in _leases)
            {
                if (lease.EndMs <= nowMs && _leases.TryRemove(new KeyValuePair<Guid, Held>(id, lease)))
                {
                    Lower(lease.Seq);
                }
            }

            _sweepAtMs = nowMs + Math.Min(leaseMs, (long)RescanInterval.TotalMilliseconds);
        }

        if (nowMs >= _rescanAtMs)
        {
            Interlocked.Exchange(ref _cursor, 0);
            _rescanAtMs = nowMs + (long)RescanInterval.TotalMilliseconds;
        }

        return Interlocked.Read(ref _cursor);
    }

    /// <summary>
    /// After a scan that started after <paramref name="from"/>: every row up to <paramref name="lastSeq"/> was
    /// leased or skipped. Unless a lease was released meanwhile (which lowered the cursor), the next scan starts there.
    /// </summary>
    public void EndScan(long from, long lastSeq)
    {
        if (lastSeq > from)
        {
            Interlocked.CompareExchange(ref _cursor, lastSeq, from);
        }
    }

    /// <summary>Leases a record until <paramref name="endMs"/>.</summary>
    public void Lease(Guid id, long seq, long endMs) => _leases[id] = new Held(seq, endMs);

    /// <summary>Ends a lease (handed back unsent, or due again); the record is seen by the next scan if still due.</summary>
    public void Release(Guid id)
    {
        if (_leases.TryRemove(id, out var lease))
        {
            Lower(lease.Seq);
        }
    }

    /// <summary>
    /// Ends the lease of a record that is no longer pending (delivered, dead-lettered): no scan needs to see it
    /// again, so the cursor stays. Lowering it here sent every read after a mark back over all the rows still in
    /// flight (measured: about three rows fetched and skipped per row returned during a drain).
    /// </summary>
    public void Settle(Guid id) => _leases.TryRemove(id, out _);

    private void Lower(long seq)
    {
        var target = seq - 1;
        var current = Interlocked.Read(ref _cursor);
        while (current > target)
        {
            var seen = Interlocked.CompareExchange(ref _cursor, target, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private readonly record struct Held(long Seq, long EndMs);
}
