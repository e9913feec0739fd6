using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>One party's current stance on each issue of one negotiation, and the statement that establishes it.</summary>
/// <remarks>
/// Kept apart from <see cref="NegotiationSummary"/>, one document per party and negotiation, so that neither grows with the
/// number of statements: recording a statement rewrites a document the size of the issues list, not the negotiation's record.
/// </remarks>
public sealed class CurrentPositions
{
    /// <summary>"{negotiation}/{party}".</summary>
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string PartyId { get; set; } = "";

    /// <summary>In issue order.</summary>
    public List<PositionEntry> Positions { get; set; } = [];

    public static string Key(string negotiationId, string partyId) => $"{negotiationId}/{partyId}";
}

/// <summary>A party's latest stance on an issue, and the statement that establishes it.</summary>
public sealed record PositionEntry(string Party, string Issue, Stance Stance, string StatementId, PartialDate Said, long Sequence);
