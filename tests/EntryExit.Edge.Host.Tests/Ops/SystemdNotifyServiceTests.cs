using EntryExit.Edge.Host.Ops;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

public sealed class SystemdNotifyServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthy_SendsAReadableStatusLine_AndPetsTheWatchdogAtHalfWatchdogSec()
    {
        var notifier = new FakeNotifier(_time);
        var source = new StubStatus(Status(stalls: []));
        using var service = new SystemdNotifyService(notifier, source, new WatchdogTiming(TimeSpan.FromSeconds(15)), _time, NullLogger<SystemdNotifyService>.Instance);

        await service.StartAsync(_ct);
        await AdvanceUntilAsync(() => notifier.Pets >= 4);
        await service.StopAsync(_ct);

        Assert.Equal("STATUS=lanes 1/2, broker connected, pending 12, oldest 3m, sent today 7", notifier.LastStatus);
        var pets = notifier.PetTimes.ToArray();
        for (var i = 1; i < pets.Length; i++)
        {
            Assert.True(pets[i] - pets[i - 1] >= TimeSpan.FromSeconds(15), $"pets {pets[i - 1]:T} and {pets[i]:T} are closer than 15 s");
        }
    }

    [Fact]
    public async Task StalledPipeline_StopsPetting_AndSaysWhyInTheStatus_ThenResumes()
    {
        var notifier = new FakeNotifier(_time);
        var source = new StubStatus(Status(stalls: []));
        using var service = new SystemdNotifyService(notifier, source, new WatchdogTiming(TimeSpan.FromSeconds(15)), _time, NullLogger<SystemdNotifyService>.Instance);
        await service.StartAsync(_ct);
        await AdvanceUntilAsync(() => notifier.Pets == 1);

        source.Current = Status(stalls: ["delivery pump idle for 61 s while the broker is connected"]);
        service.SignalChange();
        await AdvanceUntilAsync(() => notifier.LastStatus?.Contains("STALLED: delivery pump", StringComparison.Ordinal) == true);
        var pets = notifier.Pets;
        var asked = source.Calls;
        await AdvanceUntilAsync(() => source.Calls >= asked + 12); // a minute of fake time and more, checked a dozen times
        Assert.Equal(pets, notifier.Pets);

        source.Current = Status(stalls: []);
        await AdvanceUntilAsync(() => notifier.Pets > pets);
        await service.StopAsync(_ct);
    }

    [Fact]
    public async Task StatusThatCannotBeTaken_WithholdsThePet_ButKeepsTheServiceRunning()
    {
        var notifier = new FakeNotifier(_time);
        var source = new StubStatus(Status(stalls: [])) { Failure = new IOException("disk I/O error") };
        using var service = new SystemdNotifyService(notifier, source, new WatchdogTiming(TimeSpan.FromSeconds(15)), _time, NullLogger<SystemdNotifyService>.Instance);

        await service.StartAsync(_ct);
        await AdvanceUntilAsync(() => source.Calls >= 12);
        Assert.Equal(0, notifier.Pets);
        Assert.Equal("STATUS=status unavailable (IOException)", notifier.LastStatus);

        source.Failure = null;
        await AdvanceUntilAsync(() => notifier.Pets > 0);
        await service.StopAsync(_ct);
        Assert.False(service.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task NoWatchdogArmed_SendsStatusButNeverPets()
    {
        var notifier = new FakeNotifier();
        var source = new StubStatus(Status(stalls: []));
        using var service = new SystemdNotifyService(notifier, source, new WatchdogTiming((TimeSpan?)null), _time, NullLogger<SystemdNotifyService>.Instance);

        await service.StartAsync(_ct);
        await AdvanceUntilAsync(() => source.Calls >= 10);
        await service.StopAsync(_ct);

        Assert.NotNull(notifier.LastStatus);

        Assert.Equal(0, notifier.Pets);
    }

    [Fact]
    public async Task WithoutSystemd_DoesNothing()
    {
        var source = new StubStatus(Status(stalls: []));
        using var service = new SystemdNotifyService(null, source, new WatchdogTiming(TimeSpan.FromSeconds(15)), _time, NullLogger<SystemdNotifyService>.Instance);

        await service.StartAsync(_ct);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        Assert.Equal(0, source.Calls);
    }

    [Theory]
    [InlineData("30000000", null, 15)]
    [InlineData("30000000", "4242", 15)]
    [InlineData("8000000", "4242", 4)]
    [InlineData("30000000", "1", null)]
    [InlineData(null, null, null)]
    [InlineData("garbage", null, null)]
    public void WatchdogTiming_IsHalfOfWatchdogUsec_AndOnlyForTheWatchedProcess(string? usec, string? pid, int? expectedSeconds)
    {
        var env = new Dictionary<string, string?> { ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid };

        var timing = WatchdogTiming.FromEnvironment(k => env.GetValueOrDefault(k), processId: 4242);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, timing.PetInterval);
    }

    internal static GatewayStatus Status(IReadOnlyList<string> stalls) => new(
        "gw1", "1.0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        new SortedDictionary<string, string> { ["lane1"] = "connected", ["lane2"] = "disconnected" }, "connected", 0,
        new OutboxStatus(12, 0, 0, 40, TimeSpan.FromMinutes(3), 4096, 0), null, 40,
        Counts(20), Counts(10), 7, stalls);

    private static GatewayCountsSnapshot Counts(long scanned) =>
        new(scanned, scanned / 2, 0, 1, 0, new Dictionary<string, long> { ["canadian-citizen"] = 3 }, new Dictionary<string, long>());

    // Moves the fake clock a second at a time until the condition holds; the real-time limit only stops a broken run.
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(2, limit.Token);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private sealed class StubStatus(GatewayStatus initial) : IGatewayStatusSource
    {
        private int _calls;

        public GatewayStatus Current { get; set; } = initial;

        public Exception? Failure { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public Task<GatewayStatus> GetAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Failure is { } failure ? Task.FromException<GatewayStatus>(failure) : Task.FromResult(Current);
        }
    }
}
