namespace NegotiationTracker.Projections.Positions;

/// <summary>
/// The stored document behind position histories: one per party in a negotiation, holding that party's history on each
/// issue. One document per party (not per issue) means every statement touches exactly one document, even when it takes a
/// stance on several issues.
/// </summary>
public sealed class PartyPositions
{
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string PartyId { get; set; } = "";
    public List<PositionHistory> Issues { get; set; } = [];

    public static string Key(string negotiationId, string partyId) => $"{negotiationId}/{partyId}";
}
