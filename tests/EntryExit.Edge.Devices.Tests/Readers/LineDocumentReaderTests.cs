using System.Diagnostics;
using System.IO.Pipes;
using EntryExit.Edge.Devices.Framing;
using EntryExit.Edge.Devices.Readers;
using Microsoft.Extensions.Logging.Abstractions;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.Readers;

public sealed class LineDocumentReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-line-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static LineReaderOptions Options(string path) => new()
    {
        ReaderId = "wedge",
        Lane = "3",
        Path = path,
        Framing = new FramingOptions { Kind = FramingKind.Lines },
        Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    private static LineDocumentReader Reader(LineReaderOptions options, Func<Stream>? stdin = null) =>
        stdin is null
            ? new LineDocumentReader(options, TimeProvider.System, NullLogger<LineDocumentReader>.Instance)
            : new LineDocumentReader(options, TimeProvider.System, NullLogger<LineDocumentReader>.Instance, stdin);

    [Fact]
    public async Task RegularFile_IsReadToItsEnd_LastDocumentWithoutBlankLineIncluded_ThenStops()
    {
        var path = Path.Combine(_dir.FullName, "scans.txt");
        await File.WriteAllTextAsync(path, $"{Td3Line1}\n{Td3Line2}\n\n{Td1Line1}\n{Td1Line2}\n{Td1Line3}\n", TestContext.Current.CancellationToken);

        var frames = new List<ReaderFrame>();
        var reader = Reader(Options(path));
        await foreach (var frame in reader.ReadFramesAsync(TestContext.Current.CancellationToken))
        {
            frames.Add(frame);
        }

        Assert.Equal([$"{Td3Line1}\n{Td3Line2}", $"{Td1Line1}\n{Td1Line2}\n{Td1Line3}"], frames.Select(f => f.Text));
        Assert.All(frames, f => Assert.Equal(("wedge", "3"), (f.ReaderId, f.Lane)));
        Assert.Equal(ReaderState.Stopped, reader.State);
    }

    [Fact]
    public async Task Fifo_SurvivesWritersClosingAndReopening()
    {
        var path = Path.Combine(_dir.FullName, "lane3.fifo");
        using (var mkfifo = Process.Start("mkfifo", path))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        await using var run = ReaderRun.Start(Reader(Options(path)));
        await run.WaitForStateAsync(ReaderState.Connected);

        await WriteAndCloseAsync(path, $"{Td3Line1}\n{Td3Line2}\n\n");
        Assert.Equal($"{Td3Line1}\n{Td3Line2}", (await run.NextFrameAsync()).Text);

        await WriteAndCloseAsync(path, "SECOND\n\n");
        Assert.Equal("SECOND", (await run.NextFrameAsync()).Text);
        Assert.Equal(ReaderState.Connected, run.Reader.State);

        await run.StopAsync();
        Assert.Equal(ReaderState.Stopped, run.Reader.State);
    }

    [Fact]
    public async Task StandardInput_DocumentsAreFramed_EndOfInputStopsTheReader()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var stdin = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        await using var run = ReaderRun.Start(Reader(Options(LineReaderOptions.StandardInput), () => stdin));

        await pipe.WriteAsync(Of("A\r\nB\r\n\r\n"), TestContext.Current.CancellationToken);
        Assert.Equal("A\nB", (await run.NextFrameAsync()).Text);

        await pipe.WriteAsync(Of("C\r\n"), TestContext.Current.CancellationToken);
        pipe.Dispose();
        Assert.Equal("C", (await run.NextFrameAsync()).Text);
        await ReaderRun.PollUntilAsync(() => run.Reader.State == ReaderState.Stopped);
    }

    [Fact]
    public async Task MissingPath_IsReportedDisconnected_AndReadOnceItAppears()
    {
        var path = Path.Combine(_dir.FullName, "later.txt");
        await using var run = ReaderRun.Start(Reader(Options(path)));
        await run.WaitForStateAsync(ReaderState.Disconnected);

        // Appear atomically: the reader must not catch the file empty, half written.
        await File.WriteAllTextAsync(path + ".tmp", "LATE\n\n", TestContext.Current.CancellationToken);
        File.Move(path + ".tmp", path);

        Assert.Equal("LATE", (await run.NextFrameAsync()).Text);
    }

    private static async Task WriteAndCloseAsync(string path, string text)
    {
        await using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        await writer.WriteAsync(Of(text), TestContext.Current.CancellationToken);
    }
}
