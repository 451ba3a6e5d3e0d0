namespace EntryExit.Edge.Domain.Mrz;

/// <summary>The machine-readable zone layouts of ICAO Doc 9303.</summary>
public enum MrzFormat
{
    /// <summary>Size-1 card: 3 lines of 30 characters (Doc 9303 Part 5).</summary>
    TD1,
    /// <summary>Size-2 card or document: 2 lines of 36 characters (Part 6).</summary>
    TD2,
    /// <summary>Passport booklet: 2 lines of 44 characters (Part 4).</summary>
    TD3,
    /// <summary>Full-size visa: 2 lines of 44 characters (Part 7).</summary>
    MRVA,
    /// <summary>Small visa: 2 lines of 36 characters (Part 7).</summary>
    MRVB,
}
