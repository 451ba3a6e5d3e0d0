using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>Keeps every formatted log line so tests can check what is (and is not) logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Text)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " " + exception)));
}
