using EntryExit.Edge.HardwareSim.Traffic;

namespace EntryExit.Edge.Chaos.Booth;

/// <summary>
/// The travellers of a run, from the hardware simulator's generator (its own MRZ writer and ground truth per
/// traveller: send, exclude or hold). The mix is richer in eligible and in must-not-share travellers than a real
/// day, so that both promises (deliver every eligible record; never share the others) are tested often.
/// </summary>
internal static class ChaosTraffic
{
    private static readonly (TravellerKind Kind, double Weight)[] Mix =
    [
        (TravellerKind.ThirdCountryPassport, 0.26),
        (TravellerKind.UsGreenCard, 0.10),
        (TravellerKind.CanadianPermanentResident, 0.08), // foreign passport + officer declares ca-pr: send
        (TravellerKind.CanadianCitizenPassport, 0.18),
        (TravellerKind.UsCitizenPassport, 0.14),
        (TravellerKind.UsPassportCard, 0.06),
        (TravellerKind.RefugeeTravelDocument, 0.05),
        (TravellerKind.DeclaredCitizenOnForeignPassport, 0.08), // foreign passport + declared citizen: never share
        (TravellerKind.VisaOnly, 0.05), // held, never declared: never share
    ];

    /// <summary>
    /// Travellers until their scans (misreads included) reach <paramref name="scans"/>, each to the lane that would
    /// be free first (lanes pace differently: <paramref name="frameGap"/>), so that all lanes stay busy to the end.
    /// </summary>
    public static IReadOnlyList<SimulatedTraveller> Generate(int scans, IReadOnlyList<string> lanes, Func<string, TimeSpan> frameGap, int seed, DateOnly today)
    {
        var busy = lanes.ToDictionary(l => l, _ => TimeSpan.Zero, StringComparer.Ordinal);
        var generator = new TrafficGenerator(new TrafficProfile { OcrErrorRate = 0.06 }, seed, today);
        var kinds = new Random(seed ^ 0x5eed);
        var travellers = new List<SimulatedTraveller>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        while (total < scans)
        {
            var lane = busy.MinBy(kv => kv.Value).Key;
            var traveller = generator.Traveller(travellers.Count, lane, TimeSpan.Zero, Pick(kinds));
            // The ground truth is keyed on the document number: a (rare) repeated random number is drawn again.
            if (!numbers.Add(traveller.DocumentNumber))
            {
                continue;
            }

            travellers.Add(traveller);
            total += traveller.Scans.Count;
            busy[lane] += frameGap(lane) * (traveller.Scans.Count + (traveller.OfficerDeclaration is null ? 0 : 1));
        }

        return travellers;
    }

    private static TravellerKind Pick(Random random)
    {
        var x = random.NextDouble() * Mix.Sum(m => m.Weight);
        foreach (var (kind, weight) in Mix)
        {
            x -= weight;
            if (x < 0)
            {
                return kind;
            }
        }

        return Mix[^1].Kind;
    }
}
