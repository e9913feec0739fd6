using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

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

    /// <summary>The history with only the evidence the filter takes, and its periods worked out again from that.</summary>
    public PositionHistory Filtered(EvidenceFilter filter)
    {
        if (filter.IsAll)
        {
            return this;
        }

        var evidence = Evidence.Where(e => filter.Admits(e.Contested, e.Credibility)).ToList();
        return new PositionHistory { Id = Id, NegotiationId = NegotiationId, PartyId = PartyId, IssueId = IssueId, Evidence = evidence, Periods = PeriodsOf(evidence) };
    }

    /// <summary>Evidence in the order said, grouped into periods of one stance; each new period after another stance is a shift.</summary>
    public static List<StancePeriod> PeriodsOf(IReadOnlyList<StanceEvidence> evidence)
    {
        var periods = new List<StancePeriod>();
        foreach (var item in evidence)
        {
            if (periods.Count > 0 && periods[^1].Stance == item.Stance)
            {
                periods[^1] = periods[^1] with { StatementIds = [.. periods[^1].StatementIds, item.StatementId] };
            }
            else
            {
                periods.Add(new StancePeriod(item.Stance, item.Said, [item.StatementId], periods.Count == 0 ? null : periods[^1].Stance));
            }
        }

        return periods;
    }
}

public sealed record StanceEvidence(string StatementId, Stance Stance, StatementKind Kind, PartialDate Said, long Sequence, string? SpeakerId)
{
    /// <summary>The speaker denied it: evidence, but contested.</summary>
    public bool Contested { get; init; }

    /// <summary>Its Admiralty credibility (1–6), when graded.</summary>
    public int? Credibility { get; init; }
}

/// <summary>A stretch of time over which the party held one stance, and the statements that establish it.</summary>
public sealed record StancePeriod(Stance Stance, PartialDate Since, IReadOnlyList<string> StatementIds, Stance? ShiftedFrom)
{
    public bool IsShift => ShiftedFrom is not null;
}
