namespace EntryExit.Edge.Storage;

/// <summary>
/// Keeps the alarms raised since open and remembers whether appends are currently being refused, so a full
/// outbox raises one alarm per episode (not one per record) and its end is logged once.
/// </summary>
internal sealed class OutboxAlarmBoard(TimeProvider time, Action<OutboxAlarm> onRaised)
{
    private readonly List<OutboxAlarm> _alarms = [];
    private string? _refusing;

    public IReadOnlyList<OutboxAlarm> Snapshot()
    {
        lock (_alarms)
        {
            return [.. _alarms];
        }
    }

    /// <summary>Records an alarm raised before anyone could subscribe (while opening).</summary>
    public void AddSilently(OutboxAlarm alarm)
    {
        lock (_alarms)
        {
            _alarms.Add(alarm);
        }
    }

    public void Raise(string code, string message)
    {
        var alarm = new OutboxAlarm(code, message, time.GetUtcNow());
        AddSilently(alarm);
        onRaised(alarm);
    }

    /// <summary>Enters (or stays in) a refusing episode; raises an alarm when the episode starts or its cause changes.</summary>
    public void Refusing(string code, string message)
    {
        if (Interlocked.Exchange(ref _refusing, code) != code)
        {
            Raise(code, message);
        }
    }

    /// <summary>Ends a refusing episode; returns its code, or null if none was running.</summary>
    public string? Accepting() => Volatile.Read(ref _refusing) is null ? null : Interlocked.Exchange(ref _refusing, null);
}
