using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Positions;

/// <summary>
/// One document per party in a negotiation, with a history per issue. A statement on several issues is evidence in each.
/// Statements arrive in the order recorded, not said, and may later be retracted, voided, linked as duplicates or amended,
/// so the histories are worked out again from the party's standing statements each time.
/// </summary>
public sealed partial class PositionHistoryProjection : MultiStreamProjection<PartyPositions, string>
{
    public const string ProjectionName = "position-history";

    public PositionHistoryProjection()
    {
        Name = ProjectionName;
        Identity<StatementMade>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<StatementRetracted>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<StatementDenied>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<RecordVoided>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<DuplicateLinked>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<DuplicateUnlinked>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<RecordAmended>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<StatementGraded>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
    }

    public void Apply(PartyPositions view, IEvent<StatementMade> e)
    {
        var s = e.Data;
        view.Id = PartyPositions.Key(s.NegotiationId, s.PartyId);
        view.NegotiationId = s.NegotiationId;
        view.PartyId = s.PartyId;
        view.Claims.RemoveAll(c => c.StatementId == s.StatementId);
        view.Claims.Add(PositionClaim.Of(StatementReading.Evolve(null, s)!, e.Sequence));
        Rework(view);
    }

    public void Apply(PartyPositions view, StatementRetracted e) => Fold(view, e);

    public void Apply(PartyPositions view, StatementDenied e) => Fold(view, e);

    public void Apply(PartyPositions view, RecordVoided e) => Fold(view, e);

    public void Apply(PartyPositions view, DuplicateLinked e) => Fold(view, e);

    public void Apply(PartyPositions view, DuplicateUnlinked e) => Fold(view, e);

    public void Apply(PartyPositions view, RecordAmended e) => Fold(view, e);

    public void Apply(PartyPositions view, StatementGraded e) => Fold(view, e);

    private static void Fold(PartyPositions view, IStatementAnnotation e)
    {
        var at = view.Claims.FindIndex(c => c.StatementId == e.StatementId);
        if (at >= 0)
        {
            var claim = view.Claims[at];
            view.Claims[at] = PositionClaim.Of(StatementReading.Evolve(claim.Reading(view.NegotiationId, view.PartyId), e)!, claim.Sequence);
            Rework(view);
        }
    }

    private static void Rework(PartyPositions view)
    {
        view.Issues = view.Claims
            .Where(c => c.Standing.Stands && c.Stance is not null)
            .SelectMany(c => c.Issues.Select(issue => (Issue: issue, Claim: c)))
            .GroupBy(x => x.Issue)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var evidence = g.Select(x => new StanceEvidence(x.Claim.StatementId, x.Claim.Stance!.Value, x.Claim.Kind, x.Claim.Said, x.Claim.Sequence, x.Claim.SpeakerId)
                    {
                        Contested = x.Claim.Standing.Contested,
                        Credibility = x.Claim.Standing.Credibility,
                    })
                    .OrderBy(x => x.Said).ThenBy(x => x.Sequence)
                    .ToList();
                return new PositionHistory
                {
                    Id = PositionHistory.Key(view.NegotiationId, view.PartyId, g.Key),
                    NegotiationId = view.NegotiationId,
                    PartyId = view.PartyId,
                    IssueId = g.Key,
                    Evidence = evidence,
                    Periods = PositionHistory.PeriodsOf(evidence),
                };
            })
            .ToList();
    }
}
