namespace EntryExit.Edge.Chaos.Broker;

/// <summary>A record as the exchange received it (fields for matching with the ground truth; nothing else is kept).</summary>
/// <param name="RecordId">The gateway's record id.</param>
/// <param name="DocumentNumber">To find the traveller in the simulator's ground truth.</param>
/// <param name="Category">The gateway's category.</param>
/// <param name="Lane">The lane.</param>
/// <param name="EntryTime">The entry time as the gateway's clock gave it.</param>
/// <param name="PayloadHash">SHA-256 of the first payload: a redelivery must carry the same bytes.</param>
/// <param name="FirstSeenAt">Runner's monotonic timestamp of the first arrival.</param>
/// <param name="FirstSeenUtc">Runner's wall clock at the first arrival (the real time, for clock-offset checks).</param>
/// <param name="Count">Arrivals (more than 1: redeliveries of the same id).</param>
/// <param name="DifferentPayloads">Arrivals of this id with other bytes than the first (must stay 0).</param>
internal sealed record SeenRecord(
    Guid RecordId,
    string? DocumentNumber,
    string? Category,
    string? Lane,
    DateTimeOffset? EntryTime,
    string PayloadHash,
    long FirstSeenAt,
    DateTimeOffset FirstSeenUtc,
    int Count,
    int DifferentPayloads);
