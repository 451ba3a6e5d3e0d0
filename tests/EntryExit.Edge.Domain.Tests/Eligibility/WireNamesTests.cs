using Xunit;
using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Domain.Tests.Eligibility;

public sealed class WireNamesTests
{
    [Fact]
    public void Every_decision_round_trips_through_its_wire_name()
    {
        Assert.Equal(["send", "exclude", "hold"], Enum.GetValues<Decision>().Select(WireNames.ToWire));
        foreach (var value in Enum.GetValues<Decision>())
        {
            Assert.True(WireNames.TryParseDecision(WireNames.ToWire(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void Every_category_round_trips_through_its_wire_name()
    {
        Assert.Equal(
            ["third-country-national", "canadian-permanent-resident", "us-permanent-resident", "canadian-citizen",
             "us-citizen", "registered-indian", "protected-person", "unknown"],
            Enum.GetValues<TravellerCategory>().Select(WireNames.ToWire));
        foreach (var value in Enum.GetValues<TravellerCategory>())
        {
            Assert.True(WireNames.TryParseCategory(WireNames.ToWire(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void Every_declared_status_round_trips_through_its_wire_name()
    {
        Assert.Equal(
            ["none", "canadian-citizen", "us-citizen", "registered-indian", "protected-person",
             "canadian-permanent-resident", "us-permanent-resident"],
            Enum.GetValues<DeclaredStatus>().Select(WireNames.ToWire));
        foreach (var value in Enum.GetValues<DeclaredStatus>())
        {
            Assert.True(WireNames.TryParseDeclaredStatus(WireNames.ToWire(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void Every_mode_round_trips_through_its_wire_name()
    {
        Assert.Equal(["phase-ii", "all-travellers"], Enum.GetValues<ExchangeMode>().Select(WireNames.ToWire));
        foreach (var value in Enum.GetValues<ExchangeMode>())
        {
            Assert.True(WireNames.TryParseMode(WireNames.ToWire(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Theory]
    [InlineData("US-CITIZEN", DeclaredStatus.UsCitizen)]
    [InlineData("Protected-Person", DeclaredStatus.ProtectedPerson)]
    public void TryParseDeclaredStatus_ignores_case(string text, DeclaredStatus expected)
    {
        Assert.True(WireNames.TryParseDeclaredStatus(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" none")]
    [InlineData("citizen")]
    [InlineData("UsCitizen")]
    [InlineData("1")]
    public void TryParse_rejects_anything_but_a_wire_name_without_throwing(string? text)
    {
        Assert.False(WireNames.TryParseDeclaredStatus(text, out _));
        Assert.False(WireNames.TryParseCategory(text, out _));
        Assert.False(WireNames.TryParseDecision(text, out _));
        Assert.False(WireNames.TryParseMode(text, out _));
    }

    [Fact]
    public void ToWire_rejects_an_undefined_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WireNames.ToWire((Decision)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => WireNames.ToWire((TravellerCategory)42));
    }
}
