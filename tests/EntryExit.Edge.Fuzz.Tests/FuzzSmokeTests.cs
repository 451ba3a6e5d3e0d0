namespace EntryExit.Edge.Fuzz.Tests;

/// <summary>
/// A short fuzz run of every target (20,000 inputs; 2,000 for the configuration target, whose inputs go through a
/// file and the binder): the same generators and properties as the 10-million-input run of tests/fuzz/run.sh.
/// A failure names the property, and CsCheck's seed reproduces it.
/// </summary>
public sealed class FuzzSmokeTests
{
    public static TheoryData<string> TargetNames()
    {
        var targets = Targets.Create();
        var names = new TheoryData<string>(targets.Select(t => t.Name));
        foreach (var t in targets.OfType<IDisposable>())
        {
            t.Dispose();
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void ShortRun_FindsNoFailure(string name)
    {
        var targets = Targets.Create();
        try
        {
            var target = targets.Single(t => t.Name == name);
            var outcome = target.Run(name == "config" ? 2_000 : 20_000, threads: 1, seed: null, watchdog: null);
            Assert.True(outcome.Failure is null, $"{name}: {outcome.Problem}\n{outcome.CheckMessage}");
            Assert.True(outcome.Inputs >= (name == "config" ? 2_000 : 20_000), $"{name}: only {outcome.Inputs} inputs ran");
        }
        finally
        {
            foreach (var t in targets.OfType<IDisposable>())
            {
                t.Dispose();
            }
        }
    }
}
