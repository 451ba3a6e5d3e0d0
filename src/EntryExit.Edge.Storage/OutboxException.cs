namespace EntryExit.Edge.Storage;

/// <summary>A startup or configuration fault with a stable <see cref="Code"/> and a message saying what to do.</summary>
public sealed class OutboxException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code from <see cref="OutboxErrorCodes"/>.</param>
    /// <param name="message">What is wrong and how to fix it; never personal data.</param>
    /// <param name="innerException">The underlying fault, if any.</param>
    public OutboxException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException) => Code = code;

    /// <summary>Creates an exception with a generic code (required by the exception pattern).</summary>
    public OutboxException() : this(OutboxErrorCodes.DatabaseUnavailable, "Outbox error.") { }

    /// <summary>Creates an exception with a generic code (required by the exception pattern).</summary>
    /// <param name="message">The message.</param>
    public OutboxException(string message) : this(OutboxErrorCodes.DatabaseUnavailable, message) { }

    /// <summary>Creates an exception with a generic code (required by the exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying fault.</param>
    public OutboxException(string message, Exception innerException)
        : this(OutboxErrorCodes.DatabaseUnavailable, message, innerException) { }

    /// <summary>The stable error code (see <see cref="OutboxErrorCodes"/>).</summary>
    public string Code { get; }
}
