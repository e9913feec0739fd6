using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Positions;

/// <summary>
/// One document per party in a negotiation, with a history per issue. A statement on several issues is evidence in each.
/// Statements arrive in the order recorded, not said, so the periods are worked out again from the evidence sorted by when
/// it was said.
/// </summary>
public sealed partial class PositionHistoryProjection : MultiStreamProjection<PartyPositions, string>
{
    public const string ProjectionName = "position-history";

    public PositionHistoryProjection()
    {
        Name = ProjectionName;
        Identity<StatementMade>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
    }

    public void Apply(PartyPositions view, IEvent<StatementMade> e)
    {
        var s = e.Data;
        view.Id = PartyPositions.Key(s.NegotiationId, s.PartyId);
        view.NegotiationId = s.NegotiationId;
        view.PartyId = s.PartyId;
        if (s.Stance is not { } stance)
        {
            return;
        }

        foreach (var issue in s.IssueIds)
        {
            var history = view.Issues.Find(h => h.IssueId == issue);
            if (history is null)
            {
                history = new PositionHistory
                {
                    Id = PositionHistory.Key(s.NegotiationId, s.PartyId, issue),
                    NegotiationId = s.NegotiationId,
                    PartyId = s.PartyId,
                    IssueId = issue,
                };
                view.Issues.Add(history);
            }

            history.Evidence.RemoveAll(x => x.StatementId == s.StatementId);
            history.Evidence.Add(new StanceEvidence(s.StatementId, stance, s.Kind, s.Said, e.Sequence, s.SpeakerId));
            history.Evidence.Sort((a, b) => a.Said.CompareTo(b.Said) is var bySaid and not 0 ? bySaid : a.Sequence.CompareTo(b.Sequence));
            history.Periods = Periods(history.Evidence);
        }

        view.Issues.Sort((a, b) => string.CompareOrdinal(a.IssueId, b.IssueId));
    }

    private static List<StancePeriod> Periods(IReadOnlyList<StanceEvidence> evidence)
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
