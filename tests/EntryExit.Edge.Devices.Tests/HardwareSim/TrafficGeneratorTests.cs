using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Devices.Tests.HardwareSim;

public sealed class TrafficGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);
    private static readonly string[] Lanes = ["1", "2", "3", "4", "5", "6", "7", "8"];

    [Fact]
    public void Generate_SameSeed_SameDay_DifferentSeed_DifferentDay()
    {
        var a = new TrafficGenerator(TrafficProfile.Default, 42, Today).Generate(Lanes, TimeSpan.FromHours(1));
        var b = new TrafficGenerator(TrafficProfile.Default, 42, Today).Generate(Lanes, TimeSpan.FromHours(1));
        var c = new TrafficGenerator(TrafficProfile.Default, 43, Today).Generate(Lanes, TimeSpan.FromHours(1));

        Assert.Equal(a.Select(Describe), b.Select(Describe));
        Assert.NotEqual(a.Select(Describe), c.Select(Describe));
    }

    [Fact]
    public void Generate_PoissonArrivals_MatchTheRateAndAreOrdered()
    {
        var profile = new TrafficProfile { ArrivalsPerHourPerLane = 60 };
        var day = new TrafficGenerator(profile, 7, Today).Generate(Lanes, TimeSpan.FromHours(10));

        // 8 lanes × 10 h × 60/h = 4800 expected; a Poisson count's sd is ~69, so ±5 sd is 350.
        Assert.InRange(day.Count, 4450, 5150);
        Assert.Equal(day.OrderBy(t => t.ArrivesAfter), day);
        Assert.Equal(Enumerable.Range(0, day.Count), day.Select(t => t.Sequence));
        Assert.All(Lanes, lane => Assert.Contains(day, t => t.Lane == lane));
    }

    [Fact]
    public void Generate_DefaultMix_IsMostlyCitizens_WithEveryKindPresent()
    {
        var day = new TrafficGenerator(TrafficProfile.Default, 11, Today).Generate(Lanes, TimeSpan.FromHours(12));

        var citizens = day.Count(t => t.Kind is TravellerKind.CanadianCitizenPassport or TravellerKind.UsCitizenPassport or TravellerKind.UsPassportCard);
        Assert.InRange(citizens / (double)day.Count, 0.72, 0.86);
        Assert.All(Enum.GetValues<TravellerKind>(), kind => Assert.Contains(day, t => t.Kind == kind));
    }

    [Fact]
    public void Generate_OcrErrorRate_AddsMisreadsFollowedByTheCleanRescan()
    {
        var day = new TrafficGenerator(new TrafficProfile { OcrErrorRate = 0.3 }, 5, Today).Generate(Lanes, TimeSpan.FromHours(4));

        Assert.All(day, t => Assert.Equal(t.Document, t.Scans[^1]));
        var misread = day.Count(t => t.Scans.Count > 1) / (double)day.Count;
        Assert.InRange(misread, 0.24, 0.36);
        Assert.All(day.Where(t => t.Scans.Count > 1), t => Assert.NotEqual(t.Document, t.Scans[0]));
    }

    [Theory]
    [InlineData(TravellerKind.CanadianCitizenPassport, ExpectedOutcome.Exclude, "P<CAN", null)]
    [InlineData(TravellerKind.UsPassportCard, ExpectedOutcome.Exclude, "IPUSA", null)]
    [InlineData(TravellerKind.ThirdCountryPassport, ExpectedOutcome.Send, "P<", null)]
    [InlineData(TravellerKind.UsGreenCard, ExpectedOutcome.Send, "C1USA", null)]
    [InlineData(TravellerKind.CanadianPermanentResident, ExpectedOutcome.Send, "P<", "ca-pr")]
    [InlineData(TravellerKind.RefugeeTravelDocument, ExpectedOutcome.Exclude, "PTCAN", null)]
    [InlineData(TravellerKind.VisaOnly, ExpectedOutcome.Hold, "V<USA", null)]
    public void Traveller_GroundTruth_FollowsPhaseTwoRules(TravellerKind kind, ExpectedOutcome expected, string prefix, string? declaration)
    {
        var traveller = new TrafficGenerator(new TrafficProfile { OcrErrorRate = 0 }, 1, Today).Traveller(0, "1", TimeSpan.Zero, kind);

        Assert.Equal(expected, traveller.Expected);
        Assert.StartsWith(prefix, traveller.Document[0], StringComparison.Ordinal);
        Assert.Equal(declaration, traveller.OfficerDeclaration);
        Assert.All(traveller.Document, l => Assert.Equal(traveller.Document.Count == 3 ? 30 : 44, l.Length));
    }

    [Fact]
    public void Traveller_DeclaredCitizenOnForeignPassport_IsExcludedDespiteTheForeignPassport()
    {
        var traveller = new TrafficGenerator(TrafficProfile.Default, 9, Today).Traveller(0, "1", TimeSpan.Zero, TravellerKind.DeclaredCitizenOnForeignPassport);

        Assert.Contains(traveller.OfficerDeclaration, new[] { "us-citizen", "ca-citizen" });
        Assert.DoesNotContain("CAN", traveller.Document[0][2..5], StringComparison.Ordinal);
        Assert.Equal(ExpectedOutcome.Exclude, traveller.Expected);
    }

    private static string Describe(SimulatedTraveller t) => $"{t.Lane}|{t.ArrivesAfter.Ticks}|{t.Kind}|{string.Join('/', t.Document)}|{t.Scans.Count}";
}
