namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>Polls a condition with a generous overall limit: a synchronisation aid, never a timing assertion.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, limit);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for: {what}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
