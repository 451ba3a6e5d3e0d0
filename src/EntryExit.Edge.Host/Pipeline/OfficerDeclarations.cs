using EntryExit.Edge.Devices.Gpio;
using EntryExit.Edge.Domain.Eligibility;

namespace EntryExit.Edge.Host.Pipeline;

/// <summary>
/// Officer declarations that arrive on a reader's own channel as a line <c>#DECLARE &lt;status&gt;</c> (see
/// docs/devices.md). The status is the booth's short token (<c>ca-citizen</c>, <c>us-lpr</c>…) or the policy's wire
/// name (<c>canadian-citizen</c>, <c>us-permanent-resident</c>…). A declaration belongs to the lane's open booth
/// session: the officer declares after the document is read, before the traveller leaves (see <see cref="BoothLane"/>).
/// </summary>
internal static class OfficerDeclarations
{
    /// <summary>True when the frame is a declaration (well formed or not); <paramref name="status"/> is null when the
    /// status is unknown.</summary>
    public static bool TryRead(string frameText, out DeclaredStatus? status)
    {
        status = null;
        // Framings pad: a 3M reader sends missing top lines as empty lines, so the command may follow blank lines.
        var text = frameText.AsSpan().Trim();
        var prefix = OfficerCommand.Prefix.AsSpan().TrimEnd();
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Padding after the token ('_' or '<' from fixed-width framings) is not part of it.
        TryReadToken(text[prefix.Length..].Trim().TrimEnd("<_ ").ToString(), out status);
        return true;
    }

    /// <summary>Maps a status token (the booth's short one or the policy's wire name, any case) to the policy's status;
    /// false with a null status when it is unknown.</summary>
    public static bool TryReadToken(string token, out DeclaredStatus? status)
    {
        status = token.ToLowerInvariant() switch
        {
            OfficerStatusTokens.CanadianCitizen => DeclaredStatus.CanadianCitizen,
            OfficerStatusTokens.UsCitizen => DeclaredStatus.UsCitizen,
            OfficerStatusTokens.RegisteredIndian => DeclaredStatus.RegisteredIndian,
            OfficerStatusTokens.ProtectedPerson => DeclaredStatus.ProtectedPerson,
            OfficerStatusTokens.CanadianPermanentResident => DeclaredStatus.CanadianPermanentResident,
            OfficerStatusTokens.UsPermanentResident => DeclaredStatus.UsPermanentResident,
            OfficerStatusTokens.None => DeclaredStatus.None,
            _ => WireNames.TryParseDeclaredStatus(token, out var parsed) ? parsed : null,
        };
        return status is not null;
    }
}
