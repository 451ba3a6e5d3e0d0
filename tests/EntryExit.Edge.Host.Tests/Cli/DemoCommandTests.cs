using Xunit;

namespace EntryExit.Edge.Host.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Count_ProcessesTheTravellers_DeliversEveryEligibleRecord_AndExitsZero()
    {
        var run = await CliRunner.RunAsync(string.Empty, "demo", "--count", "60", "--rate", "500", "--lanes", "3");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Final summary", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, Count(run.Output, "pending in outbox"));
        Assert.Equal(0, Count(run.Output, "never-shared seen"));
        var sent = Count(run.Output, "records sent");
        Assert.True(sent > 0, run.Output);
        Assert.Equal(sent, Count(run.Output, "received by exchange"));
    }

    [Fact]
    public async Task BadCount_IsAUsageError()
    {
        var run = await CliRunner.RunAsync(string.Empty, "demo", "--count", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--count", run.Error, StringComparison.Ordinal);
    }

    private static int Count(string output, string label)
    {
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal));
        return int.Parse(line.TrimStart()[label.Length..].TrimStart().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
