using System.Text;
using Xunit;

namespace EntryExit.Edge.Chaos.Tests;

/// <summary>The runner's progress lines into the test's output (and the console, for CI logs).</summary>
internal sealed class TestOutputWriter(ITestOutputHelper? output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        output?.WriteLine(value ?? string.Empty);
        Console.WriteLine("chaos: " + value);
    }

    public override void Write(char value)
    {
        // The runner writes whole lines only.
    }
}
