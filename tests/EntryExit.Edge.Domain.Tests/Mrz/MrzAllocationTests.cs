using System.Diagnostics;
using EntryExit.Edge.Domain.Mrz;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Mrz;

/// <summary>Allocation is part of the engine's contract (under 1 KB per valid TD3 parse); unlike time it is
/// deterministic, so it is asserted here. Speed is measured in the benchmarks.</summary>
public sealed class MrzAllocationTests
{
    private static readonly DateOnly BeforeExpiry = new(2010, 1, 1);

    [Fact]
    public void Empty_lists_are_shared_instances()
    {
        var first = MrzParser.Parse(MrzSpecimenTests.Td3, BeforeExpiry);
        var second = MrzParser.Parse(MrzSpecimenTests.Td1, BeforeExpiry);

        Assert.Same(first.Corrections, second.Corrections);
        Assert.Same(first.Errors, second.Errors);
        Assert.Same(first.Warnings, second.Warnings);
        Assert.Empty(first.Warnings);
    }

    [Fact]
    public void Expired_warnings_are_shared_instances()
    {
        var first = MrzParser.Parse(MrzSpecimenTests.Td3, MrzSpecimenTests.Today);
        var second = MrzParser.Parse(MrzSpecimenTests.Td2, MrzSpecimenTests.Today);

        Assert.Same(first.Warnings, second.Warnings);
    }

    [Fact]
    public void A_valid_td3_parse_allocates_under_one_kilobyte()
    {
        // Unoptimised code (a Debug build, or Release before tiered JIT promotes the hot methods, which it does
        // on a timer) allocates on its own: measured +768 B per parse, gone once optimised. So this measures the
        // optimised steady state: batches are repeated until one is under the limit, with a generous cap.
        var debuggable = typeof(MrzParser).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false);
        if (debuggable.Length > 0 && ((DebuggableAttribute)debuggable[0]).IsJITOptimizerDisabled)
        {
            Assert.Skip("Allocation is measured on optimised builds: run `dotnet test -c Release`.");
        }

        const int parses = 1_000;
        var perParse = long.MaxValue;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (perParse >= 1024 && DateTime.UtcNow < deadline)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < parses; i++)
            {
                _ = MrzParser.Parse(MrzSpecimenTests.Td3, BeforeExpiry);
            }

            perParse = (GC.GetAllocatedBytesForCurrentThread() - before) / parses;
        }

        Assert.InRange(perParse, 1, 1023);
    }

    [Fact]
    public void Too_long_input_is_rejected_without_allocating()
    {
        var huge = new string('<', 10 * 1024 * 1024);
        _ = MrzParser.Parse(huge, BeforeExpiry);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = MrzParser.Parse(huge, BeforeExpiry);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(MrzErrorCodes.TooLong, Assert.Single(result.Errors).Code);
    }
}
