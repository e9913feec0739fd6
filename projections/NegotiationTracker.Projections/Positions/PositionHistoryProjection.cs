using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Common;
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
        Identity<RecordVoided>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<DuplicateLinked>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<DuplicateUnlinked>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
        Identity<RecordAmended>(e => PartyPositions.Key(e.NegotiationId, e.PartyId));
    }

    public void Apply(PartyPositions view, IEvent<StatementMade> e)
    {
        var s = e.Data;
        view.Id = PartyPositions.Key(s.NegotiationId, s.PartyId);
        view.NegotiationId = s.NegotiationId;
        view.PartyId = s.PartyId;
        view.Claims.RemoveAll(c => c.StatementId == s.StatementId);
        view.Claims.Add(new PositionClaim(s.StatementId, s.Stance, [.. s.IssueIds], s.Kind, s.Said, e.Sequence, s.SpeakerId, Stands: true));
        Rework(view);
    }

    public void Apply(PartyPositions view, StatementRetracted e) => Change(view, e.StatementId, c => c with { Stands = false }, withdrawn: true);

    public void Apply(PartyPositions view, RecordVoided e) => Change(view, e.StatementId, c => c with { Stands = false }, withdrawn: true);

    public void Apply(PartyPositions view, DuplicateLinked e) => Change(view, e.StatementId, c => c with { Stands = false });

    public void Apply(PartyPositions view, DuplicateUnlinked e) => Change(view, e.StatementId, c => c with { Stands = !view.Withdrawn.Contains(c.StatementId) });

    public void Apply(PartyPositions view, RecordAmended e) => Change(view, e.StatementId, c => e.Field switch
    {
        "stance" => c with { Stance = Vocabulary.TryParse<Stance>(e.NewValue, out var stance) ? stance : null },
        "issues" => c with { Issues = e.NewValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
        "said" => c with { Said = PartialDate.TryParse(e.NewValue, out var said) ? said : c.Said },
        "kind" => c with { Kind = Vocabulary.TryParse<StatementKind>(e.NewValue, out var kind) ? kind : c.Kind },
        "speaker" => c with { SpeakerId = e.NewValue == StatementFields.None ? null : e.NewValue },
        _ => c,
    });

    private static void Change(PartyPositions view, string statementId, Func<PositionClaim, PositionClaim> change, bool withdrawn = false)
    {
        if (withdrawn)
        {
            view.Withdrawn.Add(statementId);
        }

        var at = view.Claims.FindIndex(c => c.StatementId == statementId);
        if (at >= 0)
        {
            view.Claims[at] = change(view.Claims[at]);
            Rework(view);
        }
    }

    private static void Rework(PartyPositions view)
    {
        view.Issues = view.Claims
            .Where(c => c.Stands && c.Stance is not null)
            .SelectMany(c => c.Issues.Select(issue => (Issue: issue, Claim: c)))
            .GroupBy(x => x.Issue)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var evidence = g.Select(x => new StanceEvidence(x.Claim.StatementId, x.Claim.Stance!.Value, x.Claim.Kind, x.Claim.Said, x.Claim.Sequence, x.Claim.SpeakerId))
                    .OrderBy(x => x.Said).ThenBy(x => x.Sequence)
                    .ToList();
                return new PositionHistory
                {
                    Id = PositionHistory.Key(view.NegotiationId, view.PartyId, g.Key),
                    NegotiationId = view.NegotiationId,
                    PartyId = view.PartyId,
                    IssueId = g.Key,
                    Evidence = evidence,
                    Periods = Periods(evidence),
                };
            })
            .ToList();
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
