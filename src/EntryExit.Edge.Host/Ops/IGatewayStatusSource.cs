namespace EntryExit.Edge.Host.Ops;

/// <summary>Takes the running gateway's status (systemd STATUS lines, the watchdog and <c>status</c> read it).</summary>
public interface IGatewayStatusSource
{
    /// <summary>The status now. Reads the outbox, so a hung database makes this hang: the watchdog relies on that.</summary>
    Task<GatewayStatus> GetAsync(CancellationToken cancellationToken);
}
