using System.Text.Json;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Host.Tests.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>The <c>Gpio</c> section through <c>config validate</c> and <c>config show</c>: every bad pin map is reported
/// with its key path.</summary>
public sealed class GpioConfigTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-gpio-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Validate_WellFormedPinMaps_AreValid()
    {
        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", Write(Config("""
            "Driver": "libgpiod2", "Chip": 0, "Lanes": [
              { "Lane": "1", "Presence": { "Kind": "break-beam", "Pin": 17, "ActiveLevel": "low" }, "DebounceMilliseconds": 50,
                "GreenPin": 22, "AmberPin": 23, "RedPin": 24, "BuzzerPin": 25,
                "OfficerPins": { "us-citizen": 5, "CA-Citizen": 6 } },
              { "Lane": "2", "Presence": { "Kind": "pir", "Pin": 4 }, "GreenPin": 26, "Lcd": { "Bus": 1, "Address": "0x3F" } } ]
            """)));

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public async Task Validate_BadPinMaps_ReportEveryProblemWithItsKeyPath()
    {
        var keys = await ProblemsAsync(Config("""
            "Driver": "wiringpi", "Chip": -1, "Lanes": [
              { "Lane": "1", "Presence": { "Kind": "laser", "Pin": 17, "ActiveLevel": "sideways" }, "GreenPin": 17, "AmberPin": 2000,
                "BuzzerMilliseconds": 1, "DebounceMilliseconds": -5, "OfficerPins": { "king": 6, "us-citizen": 22 } },
              { "Lane": "1", "RedPin": 22 },
              { "Lane": "9", "Presence": { "Kind": "pir", "ActiveLevel": "low" } },
              { "Lane": "" } ]
            """));

        var expected = new Dictionary<string, string>
        {
            ["Gpio:Driver"] = "\"wiringpi\"",
            ["Gpio:Chip"] = "gpiochipN",
            ["Gpio:Lanes:0:Presence:Kind"] = "\"laser\"",
            ["Gpio:Lanes:0:Presence:ActiveLevel"] = "\"sideways\"",
            ["Gpio:Lanes:0:GreenPin"] = "already used by Gpio:Lanes:0:Presence:Pin",
            ["Gpio:Lanes:0:AmberPin"] = "0–1023",
            ["Gpio:Lanes:0:BuzzerMilliseconds"] = "between 10 and 5000",
            ["Gpio:Lanes:0:DebounceMilliseconds"] = "between 0 and 2000",
            ["Gpio:Lanes:0:OfficerPins:king"] = "not an officer status",
            ["Gpio:Lanes:1:Lane"] = "another pin map",
            ["Gpio:Lanes:1:RedPin"] = "already used by Gpio:Lanes:0:OfficerPins:us-citizen",
            ["Gpio:Lanes:2:Lane"] = "no document reader",
            ["Gpio:Lanes:2:Presence:Pin"] = "required",
            ["Gpio:Lanes:2:Presence:ActiveLevel"] = "drives its output high",
            ["Gpio:Lanes:3:Lane"] = "required",
        };

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Contains(e.Value, keys[e.Key], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_Displays_NeedAValidAddress_AndOneAddressPerBus()
    {
        var keys = await ProblemsAsync(Config("""
            "Driver": "libgpiod", "Lanes": [
              { "Lane": "1", "Lcd": { "Bus": 1, "Address": "0x27" } },
              { "Lane": "2", "Lcd": { "Bus": 1, "Address": "39" } },
              { "Lane": "1", "Lcd": { "Bus": 300, "Address": "0x80" } } ]
            """));

        Assert.Contains("already used by Gpio:Lanes:0:Lcd", keys["Gpio:Lanes:1:Lcd:Address"], StringComparison.Ordinal);
        Assert.Contains("0x03 and 0x77", keys["Gpio:Lanes:2:Lcd:Address"], StringComparison.Ordinal);
        Assert.Contains("/dev/i2c-N", keys["Gpio:Lanes:2:Lcd:Bus"], StringComparison.Ordinal);
        Assert.Equal(["Gpio:Lanes:1:Lcd:Address", "Gpio:Lanes:2:Lane", "Gpio:Lanes:2:Lcd:Address", "Gpio:Lanes:2:Lcd:Bus"], keys.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_PinMapsWithoutADriver_AskForOne_ButNoneKeepsThemUnused()
    {
        const string Lanes = """ "Lanes": [ { "Lane": "1", "GreenPin": 22 } ] """;

        var absent = await ProblemsAsync(Config(Lanes));
        var none = await ProblemsAsync(Config("\"Driver\": \"none\", " + Lanes));

        Assert.Contains("never guesses", Assert.Single(absent, p => p.Key == "Gpio:Driver").Value, StringComparison.Ordinal);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Validate_MisspeltGpioKey_IsUnknown()
    {
        var keys = await ProblemsAsync(Config("""
            "Driver": "simulated", "Lanes": [ { "Lane": "1", "GreenPn": 22, "Presence": { "Pin": 3, "Level": "low" } } ]
            """));

        Assert.Contains("Gpio:Lanes:0:GreenPn", keys.Keys);
        Assert.Contains("Gpio:Lanes:0:Presence:Level", keys.Keys);
        Assert.Equal(2, keys.Count);
    }

    [Fact]
    public async Task Show_PrintsTheGpioSection_WithTheDefaultsOfEachLane()
    {
        var run = await CliRunner.RunAsync(string.Empty, "config", "show", "--config", Write(Config("""
            "Driver": "libgpiod", "Lanes": [ { "Lane": "1", "Presence": { "Kind": "pir", "Pin": 4 }, "GreenPin": 22, "OfficerPins": { "ca-pr": 6 } } ]
            """)));
        var none = await CliRunner.RunAsync(string.Empty, "config", "show", "--config", Write(ConfigCommandTests.ValidJson("pw")));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("Gpio:Driver ", StringComparison.Ordinal) && l.EndsWith("libgpiod", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Gpio:Chip ", StringComparison.Ordinal) && l.EndsWith("0   (default)", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Gpio:Lanes:0:Presence:ActiveLevel ", StringComparison.Ordinal) && l.Contains("high", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Gpio:Lanes:0:BuzzerMilliseconds ", StringComparison.Ordinal) && l.Contains("150", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Gpio:Lanes:0:OfficerPins:ca-pr ", StringComparison.Ordinal) && l.EndsWith(" 6", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Contains("System.", StringComparison.Ordinal)); // no section printed as a type name
        Assert.Contains(none.Lines, l => l.StartsWith("Gpio:Driver ", StringComparison.Ordinal) && l.Contains("none", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_ChipThatCannotBeOpened_LeavesEveryLaneWithoutGpio_InsteadOfStoppingTheGateway()
    {
        // libgpiod on a chip far beyond any board: the library or the chip is missing; the booth still scans.
        var gpio = new GpioSection { Driver = "libgpiod2", Chip = 250, Lanes = [new GpioLaneSection { Lane = "1", GreenPin = 3 }] };

        using var hardware = BoothHardware.Open(gpio, new SimulatedBooth(() => throw new InvalidOperationException("not simulated"),
            (_, _) => throw new InvalidOperationException("not simulated")), TimeProvider.System, NullLogger.Instance);

        Assert.Empty(hardware.Lanes);
        Assert.Null(hardware.ForLane("1"));
    }

    private async Task<Dictionary<string, string>> ProblemsAsync(string json)
    {
        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", Write(json), "--json");
        using var doc = JsonDocument.Parse(run.Output);
        var problems = doc.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (Key: p.GetProperty("key").GetString()!, Message: p.GetProperty("message").GetString()!)).ToList();
        return problems.Where(p => p.Key.StartsWith("Gpio", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Message);
    }

    private static string Config(string gpio) => $$"""
        {
          "Gateway": { "Id": "gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
          "Mqtt": { "Host": "127.0.0.1", "Port": 1883, "UseTls": false, "AllowInsecure": true },
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
}
