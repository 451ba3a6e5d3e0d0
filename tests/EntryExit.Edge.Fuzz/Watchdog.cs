using System.Diagnostics;

namespace EntryExit.Edge.Fuzz;

/// <summary>
/// "Never hangs": every worker thread marks the input it is on; a monitor thread looks every half second and, when
/// one input has run longer than the limit, keeps it in the corpus as a hang and ends the process (exit 3): a
/// hung input cannot be interrupted in-process. The limit is generous (work per input is microseconds).
/// </summary>
public sealed class Watchdog : IDisposable
{
    [ThreadStatic]
    private static Slot? t_slot;

    private readonly List<Slot> _slots = [];
    private readonly TimeSpan _limit;
    private readonly Action<FuzzTarget, byte[]> _onHang;
    private readonly Thread _monitor;
    private volatile bool _stopped;

    public Watchdog(TimeSpan limit, Action<FuzzTarget, byte[]> onHang)
    {
        _limit = limit;
        _onHang = onHang;
        _monitor = new Thread(Monitor) { IsBackground = true, Name = "fuzz watchdog" };
        _monitor.Start();
    }

    public void Enter(FuzzTarget target, object input)
    {
        var slot = t_slot;
        if (slot is null)
        {
            slot = new Slot();
            lock (_slots)
            {
                _slots.Add(slot);
            }

            t_slot = slot;
        }

        slot.Target = target;
        slot.Input = input;
        Volatile.Write(ref slot.Started, Stopwatch.GetTimestamp());
    }

    public static void Exit()
    {
        if (t_slot is { } slot)
        {
            slot.Input = null;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _monitor.Join();
    }

    private void Monitor()
    {
        while (!_stopped)
        {
            Thread.Sleep(500); // a polling monitor thread, not test synchronisation
            Slot[] slots;
            lock (_slots)
            {
                slots = [.. _slots];
            }

            foreach (var slot in slots)
            {
                var started = Volatile.Read(ref slot.Started);
                var input = slot.Input;
                var target = slot.Target;
                if (input is null || target is null || Volatile.Read(ref slot.Started) != started
                    || Stopwatch.GetElapsedTime(started) < _limit)
                {
                    continue;
                }

                _onHang(target, target.ToCorpusObject(input));
                Environment.Exit(3);
            }
        }
    }

    private sealed class Slot
    {
        public long Started;
        public volatile object? Input;
        public volatile FuzzTarget? Target;
    }
}
