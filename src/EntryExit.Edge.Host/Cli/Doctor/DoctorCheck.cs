namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>One field check's result: what was checked, what was found, and the fix to try.</summary>
/// <param name="Id">A stable id, e.g. <c>broker-tls</c>.</param>
/// <param name="Outcome">✔, ⚠ or ✖.</param>
/// <param name="Message">What was found.</param>
/// <param name="Fix">What to try; null when nothing needs doing.</param>
internal sealed record DoctorCheck(string Id, CheckOutcome Outcome, string Message, string? Fix = null)
{
    public static DoctorCheck Ok(string id, string message) => new(id, CheckOutcome.Ok, message);

    public static DoctorCheck Warn(string id, string message, string fix) => new(id, CheckOutcome.Warning, message, fix);

    public static DoctorCheck Fail(string id, string message, string fix) => new(id, CheckOutcome.Error, message, fix);
}
