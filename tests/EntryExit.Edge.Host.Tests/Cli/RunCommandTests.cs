using Xunit;

namespace EntryExit.Edge.Host.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-run-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task BadConfiguration_ReportsEveryProblemWithItsKeyPath_AndExitsTwo()
    {
        var config = Write("""
            {
              "Gateway": { "Id": "bad id!", "EntryCountry": "MEX", "PortCode": "", "PortName": "Douglas" },
              "Exchange": { "Mode": "phase-3" },
              "Mqtt": { "Host": "", "Port": 8883, "UseTls": true, "CertFile": "/x" },
              "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "usb", "Path": "" } ]
            }
            """);

        var run = await CliRunner.RunAsync(string.Empty, "run", "--config", config);

        Assert.Equal(2, run.ExitCode);
        foreach (var key in new[] { "Gateway:Id", "Gateway:EntryCountry", "Gateway:PortCode", "Exchange:Mode", "Mqtt:Host", "Mqtt:CertFile", "Readers:0:Kind", "Readers:0:Path" })
        {
            Assert.Contains(key + ":", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MissingFile_ExitsTwoAndNamesTheFile()
    {
        var run = await CliRunner.RunAsync(string.Empty, "run", "--config", Path.Combine(_dir.FullName, "nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_ExitsTwo()
    {
        var run = await CliRunner.RunAsync(string.Empty, "run", "--config", Write("{ \"Gateway\": { \"Id\": "));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOutboxKey_IsAConfigurationError_ExitTwo()
    {
        var config = Write($$"""
            {
              "Gateway": { "Id": "gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
              "Outbox": { "Path": "{{Path.Combine(_dir.FullName, "outbox.db")}}", "KeyFile": "{{Path.Combine(_dir.FullName, "missing.key")}}" },
              "Mqtt": { "Host": "127.0.0.1", "Port": 1, "UseTls": false, "AllowInsecure": true },
              "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "file", "Path": "-" } ]
            }
            """);

        var run = await CliRunner.RunAsync(string.Empty, "run", "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OUTBOX_KEY_MISSING", run.Error, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir.FullName, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
