using System.Text.Json;
using EntryExit.Edge.Host.Cli.Doctor;
using EntryExit.Edge.Host.Tests.Cli;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary><c>doctor</c>'s GPIO checks: the chip device, the libgpiod library, and the Pi 4 pull-up problem. The chip
/// directory is a temporary folder (a symlink to a real character device stands in for /dev/gpiochip0); the
/// library loader and the board model are stand-ins.</summary>
[Collection(LoopbackPortTests.Name)]
public sealed class GpioDoctorTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-gpio-doctor-");
    private readonly System.Net.Sockets.Socket _closedPort = new(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public GpioDoctorTests() => _closedPort.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));

    public void Dispose()
    {
        _closedPort.Dispose();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Simulated_IsATick_WithANoteThatNothingLightsUp()
    {
        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", Write(Config("\"Driver\": \"simulated\"")), "--json");

        var chip = Parse(run.Output)["gpio-chip"];
        Assert.Equal("ok", chip.Outcome);
        Assert.Contains("simulator", chip.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gpio-library", Parse(run.Output).Keys);
    }

    [Fact]
    public async Task NotConfigured_HasNoGpioCheck()
    {
        var run = await CliRunner.RunAsync(string.Empty, "doctor", "--config", Write(Config(string.Empty)), "--json");

        Assert.DoesNotContain(Parse(run.Output).Keys, k => k.StartsWith("gpio", StringComparison.Ordinal));
        Assert.Contains("config", Parse(run.Output).Keys);
    }

    [Fact]
    public async Task ChipPresentAndOpenable_WithItsLibrary_IsTicked()
    {
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "gpiochip2"), "/dev/null");

        var checks = await RunAsync("\"Driver\": \"libgpiod2\", \"Chip\": 2", Probe(["libgpiod.so.3"]));

        Assert.Equal(CheckOutcome.Ok, checks["gpio-chip"].Outcome);
        Assert.Equal(CheckOutcome.Ok, checks["gpio-library"].Outcome);
        Assert.Contains("libgpiod.so.3", checks["gpio-library"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingChip_AndMissingLibrary_AreCrosses_WithTheFixToTry()
    {
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "gpiochip0"), "/dev/null");

        // libgpiod 1.x is asked for, only 2.x is installed; and the configured chip is not the one present.
        var checks = await RunAsync("\"Driver\": \"libgpiod\", \"Chip\": 1", Probe(["libgpiod.so.3"]));

        Assert.Equal(CheckOutcome.Error, checks["gpio-chip"].Outcome);
        Assert.Contains("gpiochip1", checks["gpio-chip"].Message, StringComparison.Ordinal);
        Assert.Contains("Gpio:Chip", checks["gpio-chip"].Fix, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Error, checks["gpio-library"].Outcome);
        Assert.Contains("libgpiod2", checks["gpio-library"].Fix, StringComparison.Ordinal);
        Assert.Contains("\"libgpiod2\" for libgpiod.so.3", checks["gpio-library"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChipPathThatCannotBeOpened_IsACross()
    {
        // A Unix socket where the chip should be: it exists, and open(2) refuses it (ENXIO) even for root.
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(_dir.FullName, "gpiochip0")));

        var checks = await RunAsync("\"Driver\": \"libgpiod2\"", Probe(["libgpiod.so.3"]));

        Assert.Equal(CheckOutcome.Error, checks["gpio-chip"].Outcome);
        Assert.Contains("cannot be opened", checks["gpio-chip"].Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(checks["gpio-chip"].Fix));
    }

    [Fact]
    public async Task LaneDisplays_TheirI2cBusIsChecked_PresentIsATick_MissingIsACross()
    {
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "gpiochip0"), "/dev/null");
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "i2c-1"), "/dev/null");
        var gpio = """
            "Driver": "libgpiod2", "Lanes": [ { "Lane": "1", "Lcd": { "Bus": 1 } }, { "Lane": "2", "Lcd": { "Bus": 3, "Address": "0x3F" } } ]
            """;

        var checks = await RunAsync(gpio, Probe(["libgpiod.so.3"]));

        Assert.Equal(CheckOutcome.Ok, checks["lcd-i2c-1"].Outcome);
        Assert.Equal(CheckOutcome.Error, checks["lcd-i2c-3"].Outcome);
        Assert.Contains("i2cdetect", checks["lcd-i2c-3"].Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("libgpiod2", "break-beam", "Raspberry Pi 4 Model B Rev 1.5", true)]
    [InlineData("libgpiod2", "pir", "Raspberry Pi 4 Model B Rev 1.5", false)]
    [InlineData("libgpiod", "break-beam", "Raspberry Pi 4 Model B Rev 1.5", false)]
    [InlineData("libgpiod2", "break-beam", "Raspberry Pi 5 Model B Rev 1.0", false)]
    public async Task PullUpInputs_OnAPi4_WithLibgpiod2_AreAWarning(string driver, string kind, string model, bool warned)
    {
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "gpiochip0"), "/dev/null");
        var gpio = $$"""
            "Driver": "{{driver}}", "Lanes": [ { "Lane": "1", "Presence": { "Kind": "{{kind}}", "Pin": 17 } } ]
            """;

        var checks = await RunAsync(gpio, Probe(["libgpiod.so.3", "libgpiod.so.2"], model));

        Assert.Equal(warned, checks.ContainsKey("gpio-pull"));
        if (warned)
        {
            Assert.Equal(CheckOutcome.Warning, checks["gpio-pull"].Outcome);
            Assert.Contains("Gpio:Driver", checks["gpio-pull"].Fix, StringComparison.Ordinal);
        }
    }

    private GpioChecks.GpioProbe Probe(string[] libraries, string? model = null) => new(_dir.FullName, libraries.Contains, () => model);

    private async Task<Dictionary<string, DoctorCheck>> RunAsync(string gpio, GpioChecks.GpioProbe probe)
    {
        var checks = await DoctorCommand.RunChecksAsync(Write(Config(gpio)), TimeProvider.System, _ => null, _ct, probe);
        Assert.Equal(CheckOutcome.Ok, checks.Single(c => c.Id == "config").Outcome);
        return checks.ToDictionary(c => c.Id);
    }

    private string Config(string gpio) => $$"""
        {
          "Gateway": { "Id": "gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
          "Outbox": { "Path": "{{Path.Combine(_dir.FullName, "outbox.db")}}" },
          "Mqtt": { "Host": "127.0.0.1", "Port": {{((System.Net.IPEndPoint)_closedPort.LocalEndPoint!).Port}}, "UseTls": false, "AllowInsecure": true },
          "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "file", "Path": "-" }, { "Id": "lane2", "Lane": "2", "Kind": "file", "Path": "-" } ],
          "Gpio": { {{gpio}} }
        }
        """;

    private string Write(string json)
    {
        var path = Path.Combine(_dir.FullName, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static Dictionary<string, (string Outcome, string Message)> Parse(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToDictionary(e => e.GetProperty("check").GetString()!, e => (e.GetProperty("outcome").GetString()!, e.GetProperty("message").GetString()!));
}
