using NegotiationTracker.Domain.Common;

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

    /// <summary>Every statement of the party in the negotiation that takes a stance, as it now reads, and whether it stands.</summary>
    public List<PositionClaim> Claims { get; set; } = [];

    /// <summary>Statements retracted or voided: removing a duplicate link later does not make them stand again.</summary>
    public HashSet<string> Withdrawn { get; set; } = [];

    public static string Key(string negotiationId, string partyId) => $"{negotiationId}/{partyId}";
}

public sealed record PositionClaim(string StatementId, Stance? Stance, IReadOnlyList<string> Issues, StatementKind Kind,
    PartialDate Said, long Sequence, string? SpeakerId, bool Stands);
