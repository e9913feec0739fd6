using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections.Positions;

/// <summary>
/// How one party's stance on one issue developed: every statement that takes a stance, in the order said, grouped into
/// periods of one stance. A new period after a different stance is a shift, and keeps what the stance was before.
/// </summary>
public sealed class PositionHistory
{
    public string Id { get; set; } = "";
    public string NegotiationId { get; set; } = "";
    public string PartyId { get; set; } = "";
    public string IssueId { get; set; } = "";
    public List<StanceEvidence> Evidence { get; set; } = [];
    public List<StancePeriod> Periods { get; set; } = [];

    public StancePeriod? Current => Periods.Count == 0 ? null : Periods[^1];

    public static string Key(string negotiationId, string partyId, string issueId) => $"{negotiationId}/{partyId}/{issueId}";
}

public sealed record StanceEvidence(string StatementId, Stance Stance, StatementKind Kind, PartialDate Said, long Sequence, string? SpeakerId);

/// <summary>A stretch of time over which the party held one stance, and the statements that establish it.</summary>
public sealed record StancePeriod(Stance Stance, PartialDate Since, IReadOnlyList<string> StatementIds, Stance? ShiftedFrom)
{
    public bool IsShift => ShiftedFrom is not null;
}
