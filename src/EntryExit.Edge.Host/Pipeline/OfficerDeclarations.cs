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
        if (!frameText.StartsWith(OfficerCommand.Prefix.TrimEnd(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = frameText[OfficerCommand.Prefix.TrimEnd().Length..].Trim();
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
        return true;
    }
}
