namespace EntryExit.Edge.Transport;

/// <summary>
/// PUBACK deadlines for every publish in flight, kept by one sweeper instead of a timer per publish (a timer and a
/// linked token source per record were a measurable share of the drain's CPU). Every publish has the same timeout,
/// so deadlines fall in send order and a FIFO is enough: the sweeper sleeps until the oldest one is due.
/// </summary>
internal sealed class PubAckDeadlines(TimeProvider time, TimeSpan timeout)
{
    private readonly Lock _gate = new();
    private readonly Queue<Deadline> _pending = new();
    private readonly AsyncSignal _added = new();
    private bool _stopped;
    private int _waitsArmed;

    /// <summary>
    /// Waits the sweeper has armed so far (a timer for the oldest deadline, or the wait for the first one). Tests on a
    /// fake clock move it only once the sweeper waits: a timer armed after the clock moved would count from later.
    /// </summary>
    internal int WaitsArmed => Volatile.Read(ref _waitsArmed);

    /// <summary>Starts the clock for one publish; its token is cancelled when the deadline passes or the sweeper stops.</summary>
    public Deadline Start()
    {
        var deadline = new Deadline(time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency));
        bool first;
        lock (_gate)
        {
            if (_stopped)
            {
                deadline.Cancel();
                return deadline;
            }

            first = _pending.Count == 0;
            _pending.Enqueue(deadline);
        }

        if (first)
        {
            _added.Set();
        }

        return deadline;
    }

    /// <summary>The publish ended (acknowledged or failed): its deadline no longer matters.</summary>
    public void End(Deadline deadline)
    {
        deadline.Ended = true;
        lock (_gate)
        {
            DropEnded();
        }
    }

    /// <summary>Cancels publishes past their deadline until <paramref name="cancellationToken"/> fires, then cancels all.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = CancelDue();
                var armed = wait is { } delay
                    ? Task.Delay(delay, time, cancellationToken)
                    : _added.WaitAsync(Timeout.InfiniteTimeSpan, time, cancellationToken);
                Interlocked.Increment(ref _waitsArmed);
                await armed;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: fall through and end every publish still waiting.
        }

        List<Deadline> all;
        lock (_gate)
        {
            _stopped = true;
            all = [.. _pending];
            _pending.Clear();
        }

        all.ForEach(d => d.Cancel());
    }

    // Cancels the due deadlines at the head; returns how long until the next one, or null when none is pending.
    private TimeSpan? CancelDue()
    {
        List<Deadline>? due = null;
        TimeSpan? next = null;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            DropEnded();
            while (_pending.TryPeek(out var head))
            {
                if (head.DueTimestamp > now)
                {
                    next = time.GetElapsedTime(now, head.DueTimestamp);
                    break;
                }

                (due ??= []).Add(_pending.Dequeue());
                DropEnded();
            }
        }

        due?.ForEach(d => d.Cancel());
        return next;
    }

    private void DropEnded()
    {
        while (_pending.TryPeek(out var head) && head.Ended)
        {
            _pending.Dequeue();
        }
    }

    /// <summary>One publish's deadline.</summary>
#pragma warning disable CA1001 // A source with no timer and no linked tokens holds nothing to release; disposing it would race the sweeper's Cancel.
    internal sealed class Deadline(long dueTimestamp)
#pragma warning restore CA1001
    {
        private readonly CancellationTokenSource _source = new();
        private volatile bool _ended;

        public long DueTimestamp { get; } = dueTimestamp;

        public CancellationToken Token => _source.Token;

        public bool Ended
        {
            get => _ended;
            set => _ended = value;
        }

        public void Cancel()
        {
            if (!_ended)
            {
                _source.Cancel();
            }
        }
    }
}
