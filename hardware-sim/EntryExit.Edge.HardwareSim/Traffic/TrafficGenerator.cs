using System.Globalization;

namespace EntryExit.Edge.HardwareSim.Traffic;

/// <summary>
/// Generates a booth day: Poisson arrivals per lane, travellers drawn from the profile's mix, misreads at the
/// OCR error rate, each with its ground truth. Deterministic: the same seed gives the same day.
/// </summary>
public sealed class TrafficGenerator
{
    private static readonly string[] Surnames = ["TREMBLAY", "SMITH", "GAGNON", "JOHNSON", "ROY", "WILLIAMS", "NGUYEN", "GARCIA", "SINGH", "MULLER", "OKAFOR", "KOWALSKI", "ROSSI", "TANAKA", "OBRIEN", "LEBLANC"];
    private static readonly string[] GivenNames = ["MARIE", "JAMES", "OLIVIA", "LIAM", "SOPHIE", "NOAH", "EMMA", "LUCAS", "AVA", "ETHAN", "CHLOE", "JEAN PIERRE", "ANNA MARIA"];
    private static readonly string[] ThirdCountries = ["MEX", "GBR", "FRA", "DEU", "IND", "CHN", "PHL", "BRA", "JPN", "NGA", "UKR", "ITA"];

    /// <summary>Time between a traveller's arrival, scans and declaration at the booth.</summary>
    public static readonly TimeSpan ScanSpacing = TimeSpan.FromSeconds(4);

    private readonly TrafficProfile _profile;
    private readonly Random _random;
    private readonly DateOnly _today;

    /// <summary>Creates a generator.</summary>
    /// <param name="profile">The traffic mix and rates.</param>
    /// <param name="seed">The seed; the same seed and inputs give the same day.</param>
    /// <param name="today">The day (expiry dates are written after it).</param>
    public TrafficGenerator(TrafficProfile profile, int seed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _random = new Random(seed);
        _today = today;
    }

    /// <summary>Generates all arrivals within <paramref name="duration"/> on the given lanes, in arrival order.</summary>
    /// <param name="lanes">Lane names.</param>
    /// <param name="duration">Length of the day.</param>
    /// <returns>The travellers.</returns>
    public IReadOnlyList<SimulatedTraveller> Generate(IReadOnlyList<string> lanes, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        var travellers = new List<SimulatedTraveller>();
        var ratePerSecond = _profile.ArrivalsPerHourPerLane / 3600.0;
        foreach (var lane in lanes)
        {
            // Poisson arrivals into the lane's queue; a traveller reaches the booth when the previous one left.
            var arrival = TimeSpan.Zero;
            var boothFree = TimeSpan.Zero;
            while (ratePerSecond > 0)
            {
                arrival += TimeSpan.FromSeconds(-Math.Log(1 - _random.NextDouble()) / ratePerSecond);
                var atBooth = arrival > boothFree ? arrival : boothFree;
                if (atBooth >= duration)
                {
                    break;
                }

                var traveller = Traveller(0, lane, atBooth, PickKind());
                travellers.Add(traveller);
                boothFree = atBooth + traveller.Dwell + TimeSpan.FromSeconds(1);
            }
        }

        return [.. travellers.OrderBy(t => t.ArrivesAfter).ThenBy(t => t.Lane, StringComparer.Ordinal).Select((t, i) => t with { Sequence = i })];
    }

    /// <summary>Creates one traveller of a given kind (scenario scripts and tests).</summary>
    /// <param name="sequence">Sequence number.</param>
    /// <param name="lane">Lane.</param>
    /// <param name="at">Arrival offset.</param>
    /// <param name="kind">Who.</param>
    /// <returns>The traveller.</returns>
    public SimulatedTraveller Traveller(int sequence, string lane, TimeSpan at, TravellerKind kind)
    {
        var (document, declaration, expected) = Document(kind);
        var scans = new List<IReadOnlyList<string>>();
        while (_random.NextDouble() < _profile.OcrErrorRate && scans.Count < 2)
        {
            scans.Add(OcrNoise.Corrupt(document, _random));
        }

        scans.Add(document);
        // Long enough for every scan and the declaration (the player spaces them ScanSpacing apart).
        var needed = ScanSpacing * (scans.Count + 2);
        var drawn = TimeSpan.FromSeconds(-Math.Log(1 - _random.NextDouble()) * _profile.MeanDwell.TotalSeconds);
        var dwell = drawn > needed ? drawn : needed;
        return new SimulatedTraveller(sequence, lane, at, kind, document, scans, declaration, dwell, expected);
    }

    private TravellerKind PickKind()
    {
        var total = _profile.Mix.Values.Where(w => w > 0).Sum();
        var x = _random.NextDouble() * total;
        foreach (var (kind, weight) in _profile.Mix.OrderBy(p => p.Key))
        {
            if (weight <= 0)
            {
                continue;
            }

            x -= weight;
            if (x < 0)
            {
                return kind;
            }
        }

        return TravellerKind.CanadianCitizenPassport;
    }

    private (string[] Document, string? Declaration, ExpectedOutcome Expected) Document(TravellerKind kind)
    {
        var third = ThirdCountries[_random.Next(ThirdCountries.Length)];
        return kind switch
        {
            TravellerKind.CanadianCitizenPassport => (MrzWriter.Td3(Fields("P<", "CAN", "CAN")), null, ExpectedOutcome.Exclude),
            TravellerKind.UsCitizenPassport => (MrzWriter.Td3(Fields("P<", "USA", "USA")), null, ExpectedOutcome.Exclude),
            TravellerKind.UsPassportCard => (MrzWriter.Td1(Fields("IP", "USA", "USA", numberPrefix: "C")), null, ExpectedOutcome.Exclude),
            TravellerKind.ThirdCountryPassport => (MrzWriter.Td3(Fields("P<", third, third)), null, ExpectedOutcome.Send),
            TravellerKind.UsGreenCard => (MrzWriter.Td1(Fields("C1", "USA", third, numberPrefix: "SRC")), null, ExpectedOutcome.Send),
            TravellerKind.CanadianPermanentResident => (MrzWriter.Td3(Fields("P<", third, third)), "ca-pr", ExpectedOutcome.Send),
            TravellerKind.RefugeeTravelDocument => (MrzWriter.Td3(Fields("PT", "CAN", "XXB")), null, ExpectedOutcome.Exclude),
            TravellerKind.DeclaredCitizenOnForeignPassport =>
                (MrzWriter.Td3(Fields("P<", third, third)), _random.Next(2) == 0 ? "us-citizen" : "ca-citizen", ExpectedOutcome.Exclude),
            TravellerKind.VisaOnly => (MrzWriter.VisaA(Fields("V<", "USA", third)), null, ExpectedOutcome.Hold),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown traveller kind."),
        };
    }

    private MrzFields Fields(string code, string issuer, string nationality, string numberPrefix = "")
    {
        var birth = _today.AddDays(-_random.Next(18 * 365, 85 * 365));
        var expiry = _today.AddDays(_random.Next(30, 10 * 365));
        var number = numberPrefix + RandomAlphanumeric(9 - numberPrefix.Length);
        return new MrzFields(
            code,
            issuer,
            Surnames[_random.Next(Surnames.Length)],
            GivenNames[_random.Next(GivenNames.Length)],
            number,
            nationality,
            birth.ToString("yyMMdd", CultureInfo.InvariantCulture),
            _random.Next(2) == 0 ? 'F' : 'M',
            expiry.ToString("yyMMdd", CultureInfo.InvariantCulture));
    }

    private string RandomAlphanumeric(int length)
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = i == 0 ? (char)('1' + _random.Next(9)) : Alphabet[_random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
