using CsCheck;

namespace EntryExit.Edge.Fuzz;

/// <summary>One thing fuzzed: a generator of structure-aware inputs, the properties every input must satisfy, and
/// the byte form a failing input is kept in (tests/EntryExit.Edge.Fuzz/corpus/&lt;name&gt;/).</summary>
public abstract class FuzzTarget
{
    /// <summary>Short name: the corpus folder and the <c>--target</c> value.</summary>
    public abstract string Name { get; }

    /// <summary>What is fuzzed and which properties are checked, one line.</summary>
    public abstract string Description { get; }

    /// <summary>Checks every property on an input kept in the corpus; throws (a <see cref="PropertyFailedException"/> or the
    /// crash itself) when one does not hold.</summary>
    public abstract void Replay(byte[] corpusEntry);

    /// <summary>The corpus form of an input of this target (for the watchdog, which holds inputs untyped).</summary>
    internal abstract byte[] ToCorpusObject(object input);

    /// <summary>Runs <paramref name="inputs"/> generated inputs; returns the figures and the smallest failure.</summary>
    public abstract FuzzOutcome Run(long inputs, int threads, string? seed, Watchdog? watchdog);
}

/// <summary>A target over inputs of type <typeparamref name="T"/>.</summary>
public abstract class FuzzTarget<T> : FuzzTarget
    where T : notnull
{
    /// <summary>The structure-aware input generator.</summary>
    public abstract Gen<T> Generator { get; }

    /// <summary>Checks every property on one input; throws when one does not hold.</summary>
    public abstract void Check(T input);

    /// <summary>The byte form of an input (for the corpus).</summary>
    public abstract byte[] ToCorpus(T input);

    /// <summary>The input a corpus entry holds.</summary>
    public abstract T FromCorpus(byte[] corpusEntry);

    /// <inheritdoc/>
    public override void Replay(byte[] corpusEntry) => Check(FromCorpus(corpusEntry));

    /// <inheritdoc/>
    public override FuzzOutcome Run(long inputs, int threads, string? seed, Watchdog? watchdog)
    {
        var count = 0L;
        var gate = new object();
        byte[]? smallest = null;
        string? smallestProblem = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? checkMessage = null;
        try
        {
            Generator.Sample(
                input =>
                {
                    watchdog?.Enter(this, input);
                    try
                    {
                        Check(input);
                        return true;
                    }
                    catch (Exception e)
                    {
                        var bytes = ToCorpus(input);
                        lock (gate)
                        {
                            if (smallest is null || bytes.Length < smallest.Length)
                            {
                                smallest = bytes;
                                smallestProblem = e is PropertyFailedException ? "property: " + e.Message : "crash: " + e;
                            }
                        }

                        return false;
                    }
                    finally
                    {
                        Watchdog.Exit();
                        Interlocked.Increment(ref count);
                    }
                },
                writeLine: _ => { },
                seed: seed,
                iter: inputs,
                threads: threads,
                print: _ => "(see the corpus entry)");
        }
        catch (CsCheckException e)
        {
            // The seed that reproduces the run is on the exception's first line.
            checkMessage = smallest is null ? e.ToString() : e.Message.Split('\n')[0];
        }

        clock.Stop();
        if (smallest is null && checkMessage is not null)
        {
            // CsCheck failed without a property failing: the generator itself threw.
            smallestProblem = "generator: " + checkMessage;
            smallest = [];
        }

        return new FuzzOutcome(Name, Interlocked.Read(ref count), clock.Elapsed, smallest, smallestProblem, checkMessage);
    }

    /// <inheritdoc/>
    internal override byte[] ToCorpusObject(object input) => ToCorpus((T)input);
}
