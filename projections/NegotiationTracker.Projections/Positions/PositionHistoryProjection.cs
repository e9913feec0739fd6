using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Positions;

/// <summary>
/// One document per party × issue in a negotiation. A statement on several issues is evidence in each. Statements arrive in
/// the order recorded, not said, so the periods are worked out again from the evidence sorted by when it was said.
/// </summary>
public sealed partial class PositionHistoryProjection : MultiStreamProjection<PositionHistory, string>
{
    public const string ProjectionName = "position-history";

    public PositionHistoryProjection()
    {
        Name = ProjectionName;
        Identities<StatementMade>(e => e.Stance is null
            ? []
            : e.IssueIds.Select(issue => PositionHistory.Key(e.NegotiationId, e.PartyId, issue)).ToList());
    }

    public void Apply(PositionHistory view, IEvent<StatementMade> e)
    {
        var s = e.Data;
        var issue = s.IssueIds.FirstOrDefault(i => PositionHistory.Key(s.NegotiationId, s.PartyId, i) == view.Id) ?? s.IssueIds[0];
        view.Id = PositionHistory.Key(s.NegotiationId, s.PartyId, issue);
        view.NegotiationId = s.NegotiationId;
        view.PartyId = s.PartyId;
        view.IssueId = issue;
        view.Evidence.RemoveAll(x => x.StatementId == s.StatementId);
        view.Evidence.Add(new StanceEvidence(s.StatementId, s.Stance!.Value, s.Kind, s.Said, e.Sequence, s.SpeakerId));
        view.Evidence.Sort((a, b) => a.Said.CompareTo(b.Said) is var bySaid and not 0 ? bySaid : a.Sequence.CompareTo(b.Sequence));
        view.Periods = Periods(view.Evidence);
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
