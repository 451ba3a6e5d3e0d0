using System.Text;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>
/// The outbox contract in memory: oldest first, due-time aware, records every call. With <paramref name="leasing"/>
/// it leases what it hands out, as the SQLite outbox does: not handed out again until settled or released.
/// </summary>
internal sealed class InMemoryDeliveryQueue(TimeProvider time, bool leasing = false) : IDeliveryQueue
{
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _leased = [];
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<Guid, Entry> _byId = [];
    private int _firstOpen;

    public int MarkDeliveredCalls { get; private set; }

    public int ReadDueCalls { get; private set; }

    public bool LeasesReadMessages => leasing;

    public void Release(IReadOnlyCollection<Guid> ids)
    {
        lock (_gate)
        {
            _leased.ExceptWith(ids);
        }
    }

    public Guid Add(string json = "{\"schemaVersion\":1}")
    {
        var id = Guid.CreateVersion7();
        lock (_gate)
        {
            // Insertion order, as the outbox's row sequence: timestamps tie within a millisecond.
            var entry = new Entry(new QueuedMessage(id, Encoding.UTF8.GetBytes(json), 0, time.GetUtcNow())) { Sequence = _entries.Count };
            _entries.Add(entry);
            _byId.Add(id, entry);
        }

        return id;
    }

    public IReadOnlyList<Guid> AddMany(int count) => Enumerable.Range(0, count).Select(i => Add($"{{\"n\":{i}}}")).ToList();

    public QueuedMessage Get(Guid id)
    {
        lock (_gate)
        {
            return _byId[id].Message;
        }
    }

    public int DeliveredCount => Count(e => e.Delivered);

    public int PendingCount => Count(e => !e.Delivered && e.DeadLetter is null);

    public bool IsDelivered(Guid id) => Find(id).Delivered;

    public string? DeadLetterReason(Guid id) => Find(id).DeadLetter;

    public IReadOnlyList<string> Errors(Guid id)
    {
        lock (_gate)
        {
            return [.. Find(id).Errors];
        }
    }

    public Task<IReadOnlyList<QueuedMessage>> ReadDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            ReadDueCalls++;
            // Entries are kept in sequence order; skip the settled prefix so a large backlog stays cheap to read.
            while (_firstOpen < _entries.Count && (_entries[_firstOpen].Delivered || _entries[_firstOpen].DeadLetter is not null))
            {
                _firstOpen++;
            }

            var due = new List<QueuedMessage>(Math.Min(max, 1024));
            for (var i = _firstOpen; i < _entries.Count && due.Count < max; i++)
            {
                var e = _entries[i];
                if (!e.Delivered && e.DeadLetter is null && e.NotBefore <= now && !(leasing && _leased.Contains(e.Message.RecordId)))
                {
                    due.Add(e.Message);
                }
            }

            if (leasing)
            {
                _leased.UnionWith(due.Select(m => m.RecordId));
            }

            return Task.FromResult<IReadOnlyList<QueuedMessage>>(due);
        }
    }

    /// <summary>Runs before each mark; when it throws, nothing is marked (a mark that failed or was cancelled).</summary>
    public Func<IReadOnlyCollection<Guid>, CancellationToken, Task>? BeforeMark { get; set; }

    public async Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (BeforeMark is { } before)
        {
            await before(ids, cancellationToken);
        }

        lock (_gate)
        {
            MarkDeliveredCalls++;
            foreach (var id in ids)
            {
                Find(id).Delivered = true;
                _leased.Remove(id);
            }
        }
    }

    public Task MarkDeadLetterAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Find(id).DeadLetter = reason;
            _leased.Remove(id);
        }

        return Task.CompletedTask;
    }

    public Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entry = Find(id);
            entry.Errors.Add(error);
            entry.NotBefore = notBefore;
            entry.Message = entry.Message with { Attempts = entry.Message.Attempts + 1 };
            _leased.Remove(id);
        }

        return Task.CompletedTask;
    }

    private int Count(Func<Entry, bool> predicate)
    {
        lock (_gate)
        {
            return _entries.Count(predicate);
        }
    }

    private Entry Find(Guid id)
    {
        lock (_gate)
        {
            return _byId[id];
        }
    }

    private sealed class Entry(QueuedMessage message)
    {
        public QueuedMessage Message { get; set; } = message;

        public int Sequence { get; init; }

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

        public bool Delivered { get; set; }

        public string? DeadLetter { get; set; }

        public List<string> Errors { get; } = [];
    }
}
