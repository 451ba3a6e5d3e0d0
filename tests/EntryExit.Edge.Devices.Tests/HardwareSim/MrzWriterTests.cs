using EntryExit.Edge.HardwareSim.Traffic;
using static EntryExit.Edge.Devices.Tests.Framing.Bytes;

namespace EntryExit.Edge.Devices.Tests.HardwareSim;

/// <summary>The simulator's MRZ writer against the ICAO 9303 specimens (hand-copied, not computed).</summary>
public sealed class MrzWriterTests
{
    [Theory]
    [InlineData("L898902C3", '6')]
    [InlineData("740812", '2')]
    [InlineData("120415", '9')]
    [InlineData("D23145890", '7')]
    [InlineData("<<<<<<<<<", '0')]
    public void CheckDigit_IcaoSpecimens(string field, char expected) => Assert.Equal(expected, CheckDigit.Of(field));

    [Fact]
    public void Td3_IcaoSpecimen_IsReproduced()
    {
        var lines = MrzWriter.Td3(new MrzFields("P<", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", "740812", 'F', "120415", "ZE184226B"));

        Assert.Equal([Td3Line1, Td3Line2], lines);
    }

    [Fact]
    public void Td1_IcaoSpecimen_IsReproduced()
    {
        var lines = MrzWriter.Td1(new MrzFields("I<", "UTO", "ERIKSSON", "ANNA MARIA", "D23145890", "UTO", "740812", 'F', "120415"));

        Assert.Equal([Td1Line1, Td1Line2, Td1Line3], lines);
    }

    [Fact]
    public void VisaA_HasTwoLinesOf44_AndNoCompositeDigit()
    {
        var lines = MrzWriter.VisaA(new MrzFields("V<", "USA", "SMITH", "JOHN", "123456789", "GBR", "800101", 'M', "300101"));

        Assert.All(lines, l => Assert.Equal(44, l.Length));
        Assert.StartsWith("V<USASMITH<<JOHN<", lines[0], StringComparison.Ordinal);
        Assert.Equal("1234567897GBR8001014M3001019", lines[1][..28]);
    }

    [Fact]
    public void OcrNoise_SwapsExactlyOneCheckedCharacterForAConfusable()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var corrupted = OcrNoise.Corrupt([Td3Line1, Td3Line2], random);
            Assert.Equal(Td3Line1, corrupted[0]);
            var differences = Enumerable.Range(0, 44).Where(p => corrupted[1][p] != Td3Line2[p]).ToList();
            var at = Assert.Single(differences);
            Assert.DoesNotContain(at, new[] { 10, 11, 12, 20 });
        }
    }
}
