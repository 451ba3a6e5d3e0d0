using System.Collections.Concurrent;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Logging;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Readers;

public sealed class ReaderPrivacyTests
{
    [Fact]
    public async Task Reader_LogsAtEveryLevel_NeverContainDocumentData()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, $"{Td3Line1}\n{Td3Line2}\n\nGARBAGE ERIKSSON\n\n", TestContext.Current.CancellationToken);
            var logger = new RecordingLogger<LineDocumentReader>();
            var reader = new LineDocumentReader(
                new LineReaderOptions { ReaderId = "p", Lane = "1", Path = path, Framing = new FramingOptions { Kind = FramingKind.Lines } }, TimeProvider.System, logger);

            var frames = new List<ReaderFrame>();
            await foreach (var frame in reader.ReadFramesAsync(TestContext.Current.CancellationToken))
            {
                frames.Add(frame);
            }

            Assert.Equal(2, frames.Count);
            Assert.Contains(logger.Messages, m => m.Contains("frame of 89 characters", StringComparison.Ordinal));
            Assert.All(logger.Messages.Concat(frames.Select(f => f.ToString())), m =>
            {
                Assert.DoesNotContain("ERIKSSON", m, StringComparison.Ordinal);
                Assert.DoesNotContain("L898902C3", m, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception) + exception);
    }
}
