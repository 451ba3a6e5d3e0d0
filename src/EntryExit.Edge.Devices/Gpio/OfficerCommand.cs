namespace EntryExit.Edge.Devices.Gpio;

/// <summary>
/// The officer's declaration typed or scanned on the reader's own serial channel: a frame whose text is
/// <c>#DECLARE &lt;token&gt;</c> (for example <c>#DECLARE us-citizen</c>; a barcode card on the officer's desk
/// does it in one scan).
/// </summary>
public static class OfficerCommand
{
    /// <summary>The prefix of a declaration frame.</summary>
    public const string Prefix = "#DECLARE ";

    /// <summary>Recognises a declaration frame.</summary>
    /// <param name="frameText">A reader frame's text.</param>
    /// <param name="status">The status token (see <see cref="OfficerStatusTokens"/>).</param>
    /// <returns>True when the frame is a valid declaration; false for documents and for unknown tokens.</returns>
    public static bool TryParse(string? frameText, out string status)
    {
        status = string.Empty;
        var text = frameText?.Trim();
        if (text is null || !text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = text[Prefix.Length..].Trim().ToLowerInvariant();
        if (!OfficerStatusTokens.All.Contains(token))
        {
            return false;
        }

        status = token;
        return true;
    }
}
