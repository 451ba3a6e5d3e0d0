using System.Text.Json;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Cli;

public sealed class ClassifyCommandTests
{
    private const string FrenchPassport = "P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<\n12AB345673FRA8503149F3106305<<<<<<<<<<<<<<<0\n";
    private const string CanadianPassport = "P<CANTREMBLAY<<JEAN<MARC<<<<<<<<<<<<<<<<<<<<\nAB123456<4CAN8805027M2908111<<<<<<<<<<<<<<<8\n";
    private const string GreenCardBornInCanada = "C1USAIOE9876547<<<<<<<<<<<<<<<\n9002281M3309302CAN<<<<<<<<<<<6\nROY<<LUC<<<<<<<<<<<<<<<<<<<<<<\n";

    private static readonly string[] Fixed =
    [
        "--json", "--today", "2026-11-28", "--entry-country", "CAN", "--port-code", "0813", "--port-name", "Douglas",
        "--lane", "4", "--entry-time", "2026-11-28T09:15:00-08:00",
    ];

    [Fact]
    public async Task ThirdCountryPassport_IsSentWithTheFullRecord()
    {
        var run = await CliRunner.RunAsync(FrenchPassport, ["classify", .. Fixed]);

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("send", root.GetProperty("decision").GetString());
        Assert.Equal("third-country-national", root.GetProperty("category").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("rule").GetString()));
        var record = root.GetProperty("record");
        Assert.Equal("MARTIN", record.GetProperty("surname").GetString());
        Assert.Equal("CLAIRE", record.GetProperty("givenNames").GetString());
        Assert.Equal("12AB34567", record.GetProperty("documentNumber").GetString());
        Assert.Equal("0813", record.GetProperty("portCode").GetString());
        Assert.Equal("Douglas", record.GetProperty("portName").GetString());
        Assert.Equal("4", record.GetProperty("lane").GetString());
        Assert.Equal("-08:00", record.GetProperty("utcOffset").GetString());
        Assert.Equal("2026-11-28T17:15:00Z", record.GetProperty("entryTime").GetString()![..19] + "Z");
        Assert.Equal(7, Guid.Parse(record.GetProperty("recordId").GetString()!).Version);
    }

    [Fact]
    public async Task CitizenPassport_IsExcludedAndCarriesNoRecord()
    {
        var run = await CliRunner.RunAsync(CanadianPassport, ["classify", .. Fixed]);

        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("exclude", root.GetProperty("decision").GetString());
        Assert.Equal("canadian-citizen", root.GetProperty("category").GetString());
        Assert.False(root.TryGetProperty("record", out _));
        Assert.DoesNotContain("TREMBLAY", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GreenCard_NationalityFieldIsBirthCountry_RecordNationalityIsNull()
    {
        var run = await CliRunner.RunAsync(GreenCardBornInCanada, ["classify", .. Fixed]);

        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("send", root.GetProperty("decision").GetString());
        Assert.Equal("us-permanent-resident", root.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("record").GetProperty("nationality").ValueKind);
    }

    [Fact]
    public async Task DeclaredCitizen_OverridesTheDocument()
    {
        var run = await CliRunner.RunAsync(FrenchPassport, ["classify", .. Fixed, "--declared-status", "us-citizen"]);

        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("exclude", root.GetProperty("decision").GetString());
        Assert.Equal("us-citizen", root.GetProperty("category").GetString());
    }

    [Fact]
    public async Task AllTravellers_SendsTheCitizenToo()
    {
        var run = await CliRunner.RunAsync(CanadianPassport, ["classify", .. Fixed, "--mode", "all-travellers"]);

        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("send", root.GetProperty("decision").GetString());
        Assert.Equal("canadian-citizen", root.GetProperty("record").GetProperty("category").GetString());
    }

    [Fact]
    public async Task UnreadableDocument_IsHeld()
    {
        var run = await CliRunner.RunAsync("garbage\n", ["classify", .. Fixed]);

        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("hold", root.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task BundledSampleSet_ClassifiesEveryDocument()
    {
        var samples = await File.ReadAllTextAsync(CliRunner.RepoFile("samples/documents.txt"), TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync(samples, ["classify", .. Fixed]);

        Assert.Equal(0, run.ExitCode);
        var decisions = run.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("decision").GetString()).ToArray();
        Assert.Equal(12, decisions.Length);
        Assert.Contains("send", decisions);
        Assert.Contains("exclude", decisions);
        Assert.Contains("hold", decisions);
    }

    [Theory]
    [InlineData("--declared-status", "martian")]
    [InlineData("--mode", "phase-3")]
    [InlineData("--entry-country", "MEX")]
    public async Task BadFlagValue_ExitsTwo(string flag, string value)
    {
        var run = await CliRunner.RunAsync(FrenchPassport, "classify", "--json", flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(flag, run.Error, StringComparison.Ordinal);
    }
}
