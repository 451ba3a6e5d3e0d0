using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>Tests that listen on loopback ports run alone: another test that picks a "free" port, releases it and
/// binds it later (the broker-down end-to-end test) must not find one of ours there.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoopbackPortTests
{
    public const string Name = "loopback ports";
}
