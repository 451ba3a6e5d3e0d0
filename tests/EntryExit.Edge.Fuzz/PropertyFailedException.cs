namespace EntryExit.Edge.Fuzz;

/// <summary>A property of a target does not hold for an input (as opposed to a crash: any other exception).</summary>
public sealed class PropertyFailedException : Exception
{
    public PropertyFailedException()
    {
    }

    public PropertyFailedException(string message)
        : base(message)
    {
    }

    public PropertyFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Property checks of the fuzz targets.</summary>
public static class Property
{
    /// <summary>Throws <see cref="PropertyFailedException"/> when <paramref name="condition"/> is false.</summary>
    public static void Holds(bool condition, string property)
    {
        if (!condition)
        {
            throw new PropertyFailedException(property);
        }
    }
}
