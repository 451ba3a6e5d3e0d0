using BenchmarkDotNet.Attributes;
using EntryExit.Edge.Domain.Mrz;

namespace EntryExit.Edge.Benchmarks;

/// <summary>One parse of the Doc 9303 specimens, as read and with OCR confusions to repair.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MrzParseBenchmarks
{
    private readonly string _td1Valid =
        "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    // Composite check digit 6 read as G.
    private readonly string _td1Repaired =
        "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<G\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    private readonly string _td3Valid =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    // Birth date 740812 read as 74O8I2.
    private readonly string _td3Repaired =
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74O8I22F1204159ZE184226B<<<<<10";

    // Before the specimens' 2012 expiry, so the valid cases carry no warning.
    private readonly DateOnly _today = new(2010, 1, 1);

    [Benchmark]
    public MrzParseResult Td1Valid_Parse() => MrzParser.Parse(_td1Valid, _today);

    [Benchmark(Baseline = true)]
    public MrzParseResult Td3Valid_Parse() => MrzParser.Parse(_td3Valid, _today);

    [Benchmark]
    public MrzParseResult Td1Repaired_Parse() => MrzParser.Parse(_td1Repaired, _today);

    [Benchmark]
    public MrzParseResult Td3Repaired_Parse() => MrzParser.Parse(_td3Repaired, _today);
}
