using System.Text.Json;
using EntryExit.Edge.Host.Tests.Cli;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Validate_ValidFile_ExitsZero()
    {
        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", Write(ValidJson("s3cret-pass")));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_ListsEveryProblemWithItsKeyPath_AndExitsTwo()
    {
        var config = Write("""
            {
              "Gateway": { "Id": "bad id!", "EntryCountry": "MEX", "PortCode": "", "PortName": "Douglas" },
              "Mqtt": { "Host": "", "Port": 8883, "UseTls": true, "CertFile": "/x" },
              "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "usb", "Path": "" } ]
            }
            """);

        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", config, "--json");

        Assert.Equal(2, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        var keys = doc.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToHashSet();
        foreach (var key in new[] { "Gateway:Id", "Gateway:EntryCountry", "Gateway:PortCode", "Mqtt:Host", "Mqtt:CertFile", "Readers:0:Kind", "Readers:0:Path" })
        {
            Assert.Contains(key, keys);
        }
    }

    /// <summary>Found by the fuzzer (tests/EntryExit.Edge.Fuzz/corpus/config/8d47e32aae34c91a.bin): a JSON null binds as a
    /// null string, and the validator crashed on it instead of reporting the key.</summary>
    [Fact]
    public async Task Validate_NullStrings_AreProblemsWithTheirKeys_NotACrash()
    {
        var config = Write("""
            {
              "Gateway": { "Id": null, "EntryCountry": null, "PortCode": null, "PortName": null },
              "Mqtt": { "Host": "127.0.0.1", "Port": 1883, "UseTls": false, "AllowInsecure": true },
              "Readers": [ { "Id": null, "Lane": null, "Kind": "file", "Path": null } ]
            }
            """);

        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", config, "--json");

        Assert.Equal(2, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        var keys = doc.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToHashSet();
        foreach (var key in new[] { "Gateway:Id", "Gateway:EntryCountry", "Gateway:PortCode", "Gateway:PortName", "Readers:0:Id", "Readers:0:Lane", "Readers:0:Path" })
        {
            Assert.Contains(key, keys);
        }
    }

    [Fact]
    public async Task Validate_IdleGap_OnlyForLineFramings_AndWithinRange()
    {
        var config = Write("""
            {
              "Gateway": { "Id": "gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
              "Mqtt": { "Host": "127.0.0.1", "Port": 1883, "UseTls": false, "AllowInsecure": true },
              "Readers": [
                { "Id": "a", "Lane": "1", "Kind": "serial", "Path": "/dev/ttyACM0", "Framing": "idle-timeout", "IdleGapMilliseconds": 150 },
                { "Id": "b", "Lane": "2", "Kind": "serial", "Path": "/dev/ttyACM1", "Framing": "stx-etx", "IdleGapMilliseconds": 150 },
                { "Id": "c", "Lane": "3", "Kind": "file", "Path": "-", "IdleGapMilliseconds": 5 } ]
            }
            """);

        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", config, "--json");

        using var doc = JsonDocument.Parse(run.Output);
        var keys = doc.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("key").GetString()!).ToArray();
        Assert.Equal(["Readers:1:IdleGapMilliseconds", "Readers:2:IdleGapMilliseconds"], keys);
    }

    [Fact]
    public async Task Validate_MissingFile_IsOneProblem_ExitTwo()
    {
        var run = await CliRunner.RunAsync(string.Empty, "config", "validate", Path.Combine(_dir.FullName, "nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_MasksThePassword_AndPrintsKeyFilesByPathOnly()
    {
        var key = Path.Combine(_dir.FullName, "client.key");
        await File.WriteAllTextAsync(key, "-----BEGIN PRIVATE KEY-----\nKEYMATERIAL\n-----END PRIVATE KEY-----\n", TestContext.Current.CancellationToken);
        var config = Write(ValidJson("s3cret-pass", key));

        var text = await CliRunner.RunAsync(string.Empty, "config", "show", "--config", config);
        var json = await CliRunner.RunAsync(string.Empty, "config", "show", "--config", config, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);
        foreach (var output in new[] { text.Output, json.Output })
        {
            Assert.DoesNotContain("s3cret-pass", output, StringComparison.Ordinal);
            Assert.DoesNotContain("KEYMATERIAL", output, StringComparison.Ordinal);
            Assert.Contains("********", output, StringComparison.Ordinal);
            Assert.Contains(key, output, StringComparison.Ordinal);
        }

        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal("poe-0813-gw1", doc.RootElement.GetProperty("Gateway:Id").GetString());
        Assert.Equal("lane1", doc.RootElement.GetProperty("Readers:0:Id").GetString());
    }

    [Fact]
    public async Task Show_IncludesTheDefaultsTheGatewayUses_ForKeysTheFileLeavesOut()
    {
        var run = await CliRunner.RunAsync(string.Empty, "config", "show", "--config", Write(ValidJson("s3cret-pass")));

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Mqtt:TopicPrefix ", StringComparison.Ordinal) && l.Contains("entryexit/v1", StringComparison.Ordinal) && l.EndsWith("(default)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Outbox:DedupeWindowMinutes ", StringComparison.Ordinal) && l.Contains(" 10 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Outbox:Path ", StringComparison.Ordinal) && l.Contains("outbox.db", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("Mqtt:Host ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Mqtt:Host ", StringComparison.Ordinal) && l.Contains("(default)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_AppliesEnvironmentOverrides_AndSaysWhereAValueCameFrom()
    {
        // Environment variables are process-wide, so this runs the real executable in a child process.
        var config = Write(ValidJson("s3cret-pass"));
        var env = new Dictionary<string, string> { ["ENTRYEXIT_Mqtt__Host"] = "override.example", ["ENTRYEXIT_Mqtt__Password"] = "env-pass" };

        var (code, output, error) = await ChildProcess.RunAsync(env, "config", "show", "--config", config);

        Assert.True(code == 0, error);
        var hostLine = output.Split('\n').Single(l => l.StartsWith("Mqtt:Host ", StringComparison.Ordinal));
        Assert.Contains("override.example", hostLine, StringComparison.Ordinal);
        Assert.Contains("(from environment)", hostLine, StringComparison.Ordinal);
        Assert.DoesNotContain("env-pass", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeesEnvironmentOverrides()
    {
        var config = Write(ValidJson("s3cret-pass"));
        var env = new Dictionary<string, string> { ["ENTRYEXIT_Gateway__EntryCountry"] = "MEX" };

        var (code, output, _) = await ChildProcess.RunAsync(env, "config", "validate", config);

        Assert.Equal(2, code);
        Assert.Contains("Gateway:EntryCountry", output, StringComparison.Ordinal);
    }

    internal static string ValidJson(string password, string? clientKey = null) => $$"""
        {
          "Gateway": { "Id": "poe-0813-gw1", "EntryCountry": "CAN", "PortCode": "0813", "PortName": "Douglas" },
          "Mqtt": { "Host": "127.0.0.1", "Port": 1883, "UseTls": false, "AllowInsecure": true, "Username": "gw", "Password": "{{password}}"{{(clientKey is null ? string.Empty : $", \"ClientKeyFile\": \"{clientKey}\"")}} },
          "Readers": [ { "Id": "lane1", "Lane": "1", "Kind": "file", "Path": "-" } ]
        }
        """;

    private string Write(string json)
    {
        var path = Path.Combine(_dir.FullName, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
