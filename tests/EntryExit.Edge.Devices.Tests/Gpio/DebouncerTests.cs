using EntryExit.Edge.Devices.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace EntryExit.Edge.Devices.Tests.Gpio;

public sealed class DebouncerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void OnRaw_LevelHeldForDebounceTime_IsReportedOnce()
    {
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50), _time);
        var changes = new List<bool>();
        debouncer.StableChanged += (_, level) => changes.Add(level);

        debouncer.OnRaw(true);
        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Empty(changes);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([true], changes);
        Assert.True(debouncer.Level);
    }

    [Fact]
    public void OnRaw_BounceShorterThanDebounceTime_IsIgnored()
    {
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50), _time, initial: true);
        var changes = new List<bool>();
        debouncer.StableChanged += (_, level) => changes.Add(level);

        for (var i = 0; i < 10; i++)
        {
            debouncer.OnRaw(false);
            _time.Advance(TimeSpan.FromMilliseconds(10));
            debouncer.OnRaw(true);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(changes);
        Assert.True(debouncer.Level);
    }

    [Fact]
    public void OnRaw_ZeroDebounce_ReportsEveryChangeAtOnce()
    {
        using var debouncer = new Debouncer(TimeSpan.Zero, _time);
        var changes = new List<bool>();
        debouncer.StableChanged += (_, level) => changes.Add(level);

        debouncer.OnRaw(true);
        debouncer.OnRaw(true);
        debouncer.OnRaw(false);

        Assert.Equal([true, false], changes);
    }
}
