namespace EntryExit.Edge.Fuzz.Tests;

/// <summary>Every input the fuzzer kept (tests/EntryExit.Edge.Fuzz/corpus/&lt;target&gt;/*.bin) is replayed against
/// its target's properties: what once crashed or broke a property must not again.</summary>
public sealed class CorpusReplayTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "corpus");

    public static TheoryData<string, string> Entries()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in Targets.Create())
        {
            foreach (var entry in Corpus.Entries(Root, target.Name))
            {
                data.Add(target.Name, Path.GetFileName(entry));
            }

            (target as IDisposable)?.Dispose();
        }

        return data;
    }

    [Fact]
    public void Corpus_IsCopiedNextToTheTests()
    {
        Assert.NotEmpty(Entries());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void KeptInput_NoLongerFails(string target, string entry)
    {
        var targets = Targets.Create();
        try
        {
            targets.Single(t => t.Name == target).Replay(File.ReadAllBytes(Path.Combine(Root, target, entry)));
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
