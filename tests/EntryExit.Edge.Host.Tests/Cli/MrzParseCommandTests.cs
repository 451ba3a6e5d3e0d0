using System.Text.Json;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Cli;

public sealed class MrzParseCommandTests
{
    private const string Specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n";

    [Fact]
    public async Task Json_Specimen_MatchesTheContractExampleExactly()
    {
        var run = await CliRunner.RunAsync(Specimen, "mrz", "parse", "--json", "--today", "2026-11-28");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Lines);
        const string contract = """{"format":"TD3","documentCode":"P","issuingState":"UTO","surname":"ERIKSSON","givenNames":"ANNA MARIA","documentNumber":"L898902C3","nationality":"UTO","dateOfBirth":"1974-08-12","sex":"F","expiryDate":"2012-04-15","optionalData":"ZE184226B","valid":true,"checks":{"documentNumber":true,"dateOfBirth":true,"expiryDate":true,"optionalData":true,"composite":true},"corrections":[],"errors":[]""";
        Assert.StartsWith(contract, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_SeveralDocuments_OneLinePerDocumentInOrder()
    {
        var input = "\r\n" + Specimen.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n\r\nnot an mrz at all\n\n" + Specimen;

        var run = await CliRunner.RunAsync(input, "mrz", "parse", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.Lines.Length);
        var formats = run.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("format")).ToArray();
        Assert.Equal("TD3", formats[0].GetString());
        Assert.Equal(JsonValueKind.Null, formats[1].ValueKind);
        Assert.Equal("TD3", formats[2].GetString());
    }

    [Fact]
    public async Task Json_NoMrz_HasNullFormatAndAnErrorCode()
    {
        var run = await CliRunner.RunAsync("hello\nworld\n", "mrz", "parse", "--json");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("format").ValueKind);
        Assert.False(root.GetProperty("valid").GetBoolean());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("MRZ_", error.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Json_RepairedDocument_ListsTheCorrectionOneBased()
    {
        // The birth date's second zero was read as the letter O.
        var input = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74O8122F1204159ZE184226B<<<<<10\n";

        var run = await CliRunner.RunAsync(input, "mrz", "parse", "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("1974-08-12", root.GetProperty("dateOfBirth").GetString());
        var correction = Assert.Single(root.GetProperty("corrections").EnumerateArray());
        Assert.Equal(2, correction.GetProperty("line").GetInt32());
        Assert.Equal(16, correction.GetProperty("column").GetInt32());
        Assert.Equal("O", correction.GetProperty("from").GetString());
        Assert.Equal("0", correction.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Json_Td1_HasNullOptionalDataCheck()
    {
        var input = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n";

        var run = await CliRunner.RunAsync(input, "mrz", "parse", "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(Assert.Single(run.Lines)).RootElement;
        Assert.Equal("TD1", root.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("checks").GetProperty("optionalData").ValueKind);
        Assert.True(root.GetProperty("checks").GetProperty("composite").GetBoolean());
    }

    [Fact]
    public async Task Text_IsReadableAndExitCodeFollowsValidity()
    {
        var run = await CliRunner.RunAsync(Specimen, "mrz", "parse");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Document 1: TD3, valid", run.Output, StringComparison.Ordinal);
        Assert.Contains("ERIKSSON", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--today", "28/11/2026")]
    [InlineData("--no-such-flag")]
    public async Task UsageError_ExitsTwoWithAMessage(params string[] extra)
    {
        var run = await CliRunner.RunAsync(Specimen, ["mrz", "parse", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task EmptyInput_ExitsOneAndSaysWhatToDo()
    {
        var run = await CliRunner.RunAsync("\n\n", "mrz", "parse", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("standard input", run.Error, StringComparison.Ordinal);
    }
}
