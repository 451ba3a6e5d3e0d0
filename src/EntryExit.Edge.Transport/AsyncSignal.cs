namespace EntryExit.Edge.Transport;

/// <summary>An auto-reset wake-up: many Set calls before a wait collapse into one wake.</summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (_gate)
        {
            _pending.TrySetResult();
        }
    }

    /// <summary>
    /// Waits for a Set (or one that came since the last wait), with no timer and no token: cheap enough to await once
    /// per record. The owner makes sure a Set comes (a ticker, a registration on its stop token).
    /// </summary>
    public async Task WaitAsync()
    {
        Task signalled;
        lock (_gate)
        {
            signalled = _pending.Task;
        }

        await signalled;
        Reset();
    }

    /// <summary>Waits for a Set (or one that came since the last wait), at most <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signalled;
        lock (_gate)
        {
            signalled = _pending.Task;
        }

        try
        {
            await signalled.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling is the fallback: retries become due with time, not with a signal.
        }

        Reset();
    }

    private void Reset()
    {
        lock (_gate)
        {
            if (_pending.Task.IsCompleted)
            {
                _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
