namespace EntryExit.Edge.Storage;

/// <summary>Something a technician must hear about. Never holds personal data.</summary>
/// <param name="Code">A stable code from <see cref="OutboxErrorCodes"/>.</param>
/// <param name="Message">What happened and what to do.</param>
/// <param name="RaisedAt">When it was raised.</param>
public sealed record OutboxAlarm(string Code, string Message, DateTimeOffset RaisedAt);
