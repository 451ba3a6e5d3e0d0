namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>The traffic of a booth day: the mix of travellers, arrival rates and read quality.</summary>
public sealed class TrafficProfile
{
    /// <summary>A realistic land-border mix: mostly Canadian and U.S. citizens.</summary>
    public static TrafficProfile Default => new();

    /// <summary>Mean arrivals per hour on each lane (Poisson).</summary>
    public double ArrivalsPerHourPerLane { get; set; } = 40;

    /// <summary>Probability that a scan is misread (one confusable character); a rescan follows.</summary>
    public double OcrErrorRate { get; set; } = 0.05;

    /// <summary>Mean time a traveller stays at the booth.</summary>
    public TimeSpan MeanDwell { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Relative weights of traveller kinds (need not sum to 1).</summary>
    public Dictionary<TravellerKind, double> Mix { get; set; } = new()
    {
        [TravellerKind.CanadianCitizenPassport] = 0.40,
        [TravellerKind.UsCitizenPassport] = 0.33,
        [TravellerKind.UsPassportCard] = 0.06,
        [TravellerKind.ThirdCountryPassport] = 0.09,
        [TravellerKind.UsGreenCard] = 0.05,
        [TravellerKind.CanadianPermanentResident] = 0.03,
        [TravellerKind.RefugeeTravelDocument] = 0.01,
        [TravellerKind.DeclaredCitizenOnForeignPassport] = 0.02,
        [TravellerKind.VisaOnly] = 0.01,
    };
}
