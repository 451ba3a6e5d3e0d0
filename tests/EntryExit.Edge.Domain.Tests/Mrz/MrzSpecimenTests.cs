using EntryExit.Edge.Domain.Mrz;
using Xunit;

namespace EntryExit.Edge.Domain.Tests.Mrz;

/// <summary>ICAO Doc 9303's own specimens (Parts 4–7; every check digit re-computed by hand for these tests) and
/// layouts of U.S. documents constructed to the published TD1 layout.</summary>
public sealed class MrzSpecimenTests
{
    internal static readonly DateOnly Today = new(2026, 11, 28);

    internal const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    internal const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    internal const string Td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";
    internal const string MrvA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<";
    internal const string MrvB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<";
    internal const string Td1LongNumber = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<";

    [Fact]
    public void Td3_passport_specimen_parses_every_field()
    {
        var result = MrzParser.Parse(Td3, Today);

        Assert.True(result.Valid);
        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.Equal("P", result.DocumentCode);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.False(result.NameTruncated);
        Assert.Equal("L898902C3", result.DocumentNumber);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth);
        Assert.Equal('F', result.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal("ZE184226B", result.OptionalData);
        Assert.Null(result.OptionalData2);
        Assert.Equal(new MrzChecks(true, true, true, true, true), result.Checks);
        Assert.Empty(result.Corrections);
        Assert.Empty(result.Errors);
        Assert.Equal([MrzErrorCodes.Expired], result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void Td3_specimen_before_its_expiry_has_no_warnings()
    {
        var result = MrzParser.Parse(Td3, new DateOnly(2010, 1, 1));

        Assert.True(result.Valid);
        Assert.Empty(result.Warnings);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
    }

    [Fact]
    public void Td1_card_specimen_parses_every_field()
    {
        var result = MrzParser.Parse(Td1, Today);

        Assert.True(result.Valid);
        Assert.Equal(MrzFormat.TD1, result.Format);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth);
        Assert.Equal('F', result.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal(string.Empty, result.OptionalData);
        Assert.Equal(string.Empty, result.OptionalData2);
        Assert.Equal(new MrzChecks(true, true, true, null, true), result.Checks);
    }

    [Fact]
    public void Td2_specimen_parses_every_field()
    {
        var result = MrzParser.Parse(Td2, Today);

        Assert.True(result.Valid);
        Assert.Equal(MrzFormat.TD2, result.Format);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal(string.Empty, result.OptionalData);
        Assert.Equal(new MrzChecks(true, true, true, null, true), result.Checks);
    }

    [Fact]
    public void Mrv_a_visa_specimen_has_no_composite_or_optional_check()
    {
        var result = MrzParser.Parse(MrvA, Today);

        Assert.True(result.Valid);
        Assert.Equal(MrzFormat.MRVA, result.Format);
        Assert.Equal("V", result.DocumentCode);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal("XXX", result.Nationality);
        Assert.Equal(new DateOnly(1940, 9, 7), result.DateOfBirth);
        Assert.Equal(new DateOnly(1996, 12, 10), result.ExpiryDate);
        Assert.Equal("6ZE184226B", result.OptionalData);
        Assert.Equal(new MrzChecks(true, true, true, null, null), result.Checks);
    }

    [Fact]
    public void Mrv_b_visa_specimen_parses()
    {
        var result = MrzParser.Parse(MrvB, Today);

        Assert.True(result.Valid);
        Assert.Equal(MrzFormat.MRVB, result.Format);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal(new DateOnly(1940, 9, 7), result.DateOfBirth);
        Assert.Equal(new DateOnly(1996, 12, 10), result.ExpiryDate);
        Assert.Equal(string.Empty, result.OptionalData);
        Assert.Equal(new MrzChecks(true, true, true, null, null), result.Checks);
    }

    [Fact]
    public void Td1_long_document_number_continues_into_the_optional_data()
    {
        var result = MrzParser.Parse(Td1LongNumber, Today);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("D23145890734", result.DocumentNumber);
        Assert.Equal(string.Empty, result.OptionalData);
        Assert.Equal("STEVENSON", result.Surname);
        Assert.Equal("PETER JOHN", result.GivenNames);
        Assert.Equal('M', result.Sex);
        Assert.Equal(new DateOnly(1934, 7, 12), result.DateOfBirth);
        Assert.Equal(new DateOnly(1995, 7, 12), result.ExpiryDate);
        Assert.True(result.Checks.DocumentNumber);
        Assert.True(result.Checks.Composite);
    }

    [Fact]
    public void Td2_long_document_number_continues_into_the_optional_data()
    {
        // Constructed to Doc 9303 Part 6: number D231458907AB, its check digit, then the terminating filler.
        var document = Generated(MrzFormat.TD2, "D231458907AB", optional: "");
        var result = MrzParser.Parse(document.Text(), Today);

        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("D231458907AB", result.DocumentNumber);
        Assert.Equal(string.Empty, result.OptionalData);
    }

    [Fact]
    public void Us_passport_card_layout_parses_as_td1_ip_usa()
    {
        // Constructed (not an official specimen image): the TD1 layout of the U.S. passport card, document code IP,
        // with check digits computed for these values.
        const string card = "IPUSAC030059887<<<<<<<<<<<<<<<\n8001014F3001019USA<<<<<<<<<<<8\nTRAVELER<<HAPPY<<<<<<<<<<<<<<<";
        var result = MrzParser.Parse(card, Today);

        Assert.True(result.Valid);
        Assert.Equal("IP", result.DocumentCode);
        Assert.Equal("USA", result.IssuingState);
        Assert.Equal("C03005988", result.DocumentNumber);
        Assert.Equal(new DateOnly(1980, 1, 1), result.DateOfBirth);
        Assert.Equal(new DateOnly(2030, 1, 1), result.ExpiryDate);
        Assert.Equal("HAPPY", result.GivenNames);
    }

    [Fact]
    public void Us_permanent_resident_card_layout_reports_the_printed_country_of_birth()
    {
        // Constructed to the TD1 layout of the U.S. Permanent Resident Card (code C1): the "nationality" field
        // holds the country of BIRTH; the engine reports it as printed and the eligibility policy must not trust it.
        const string card = "C1USASRC0001235<<<<<<<<<<<<<<<\n7507058M3106017MEX<<<<<<<<<<<2\nSPECIMEN<<TEST<V<<<<<<<<<<<<<<";
        var result = MrzParser.Parse(card, Today);

        Assert.True(result.Valid);
        Assert.Equal("C1", result.DocumentCode);
        Assert.Equal("MEX", result.Nationality);
        Assert.Equal("TEST V", result.GivenNames);
    }

    internal static MrzTestDocument Generated(MrzFormat format, string number, string optional) => new(
        format,
        format is MrzFormat.TD3 ? "P" : format is MrzFormat.MRVA or MrzFormat.MRVB ? "V" : "I",
        "UTO",
        "ERIKSSON",
        "ANNA<MARIA",
        number,
        "UTO",
        new DateOnly(1974, 8, 12),
        'F',
        new DateOnly(2030, 4, 15),
        optional,
        string.Empty);
}
