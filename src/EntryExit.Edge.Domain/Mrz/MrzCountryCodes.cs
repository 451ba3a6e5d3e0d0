namespace EntryExit.Edge.Domain.Mrz;

/// <summary>
/// The codes an MRZ may carry as issuing state or nationality: every ISO 3166-1 alpha-3 code plus the codes ICAO
/// Doc 9303 Part 3 adds (Germany's "D", the British nationality variants, UN and other organisations, stateless
/// persons and refugees), Kosovo's RKS (not in ISO or Doc 9303, but printed on its passports) and UTO, the
/// Utopia specimen state. Lookups return the table's own string instances, so a parse allocates nothing for them.
/// </summary>
public static class MrzCountryCodes
{
    /// <summary>ISO 3166-1 alpha-3 (all 249 officially assigned codes).</summary>
    public static IReadOnlyList<string> Iso3166Alpha3 { get; } =
    [
        "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT",
        "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL",
        "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
        "COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM",
        "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
        "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY",
        "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
        "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY",
        "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL",
        "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
        "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER",
        "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU",
        "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
        "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON",
        "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
        "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
    ];

    /// <summary>Codes used in MRZs that are not ISO 3166-1 alpha-3 (Doc 9303 Part 3, plus RKS and the specimen UTO).</summary>
    public static IReadOnlyList<string> IcaoAndPracticeCodes { get; } =
    [
        "D", // Germany
        "GBD", "GBN", "GBO", "GBP", "GBS", // British Overseas Territories Citizen, National (Overseas), Overseas Citizen, Protected Person, Subject
        "UNO", "UNA", "UNK", // UN official, UN specialised agency official, resident of Kosovo (UNMIK document)
        "XXA", "XXB", "XXC", "XXX", // stateless, refugee (1951 convention), other refugee, unspecified nationality
        "EUE", // European Union
        "XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC", // organisations of Doc 9303 Part 3
        "RKS", // Kosovo, as printed on its own passports
        "UTO", // Utopia, the Doc 9303 specimen state
    ];

    // Index = three base-27 digits ('<' = 0, 'A'..'Z' = 1..26): an O(1) lookup with no hashing or allocation.
    private static readonly string?[] Table = BuildTable();

    /// <summary>The interned code for a 3-character MRZ country field (trailing fillers allowed: "D&lt;&lt;"), or null when the
    /// field is not a known code.</summary>
    public static string? Find(ReadOnlySpan<char> field)
    {
        var index = IndexOf(field);
        return index < 0 ? null : Table[index];
    }

    private static int IndexOf(ReadOnlySpan<char> field)
    {
        if (field.Length is 0 or > 3)
        {
            return -1;
        }

        var index = 0;
        for (var i = 0; i < 3; i++)
        {
            var c = i < field.Length ? field[i] : '<';
            int digit;
            if (c == '<')
            {
                digit = 0;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                digit = c - 'A' + 1;
            }
            else
            {
                return -1;
            }

            index = (index * 27) + digit;
        }

        return index;
    }

    private static string?[] BuildTable()
    {
        var table = new string?[27 * 27 * 27];
        foreach (var code in Iso3166Alpha3)
        {
            table[IndexOf(code)] = code;
        }

        foreach (var code in IcaoAndPracticeCodes)
        {
            table[IndexOf(code)] = code;
        }

        return table;
    }
}
