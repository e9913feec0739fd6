using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Proposals;

/// <summary>
/// One document per proposal. A counter answer touches two: the answered proposal records the answer, the counter-proposal
/// records what it counters, so the chain can be followed in both directions.
/// </summary>
public sealed partial class ProposalLineageProjection : MultiStreamProjection<ProposalLineage, string>
{
    public const string ProjectionName = "proposal-lineage";

    public ProposalLineageProjection()
    {
        Name = ProjectionName;
        Identity<ProposalTabled>(e => ProposalLineage.Key(e.NegotiationId, e.ProposalId));
        Identity<ProposalWithdrawn>(e => ProposalLineage.Key(e.NegotiationId, e.ProposalId));
        Identities<ProposalAnswered>(e => e.CounterProposalId is null
            ? [ProposalLineage.Key(e.NegotiationId, e.ProposalId)]
            : [ProposalLineage.Key(e.NegotiationId, e.ProposalId), ProposalLineage.Key(e.NegotiationId, e.CounterProposalId)]);
        Identities<AgreementReached>(e => e.ProposalId is null ? [] : [ProposalLineage.Key(e.NegotiationId, e.ProposalId)]);
    }

    public ProposalLineage Create(IEvent<ProposalTabled> e) => new()
    {
        Id = ProposalLineage.Key(e.Data.NegotiationId, e.Data.ProposalId),
        NegotiationId = e.Data.NegotiationId,
        ProposalId = e.Data.ProposalId,
        TabledBy = e.Data.PartyId,
        Title = e.Data.Title,
        Tabled = e.Data.Said,
        TabledSequence = e.Sequence,
        SourceId = e.Data.SourceId,
        Terms = e.Data.Terms.Select(t => new ProposalTermEntry(t.IssueId, t.Text)).ToList(),
    };

    public void Apply(ProposalLineage view, IEvent<ProposalAnswered> e)
    {
        if (view.ProposalId == e.Data.ProposalId)
        {
            view.Answers.Add(new ProposalAnswerEntry(e.Data.PartyId, e.Data.Answer, e.Data.CounterProposalId, e.Data.Said, e.Sequence));
            if (view.Status is not (ProposalStatuses.Withdrawn or ProposalStatuses.Adopted))
            {
                view.Status = ProposalStatuses.Of(false, false, view.Answers.Select(a => (a.Party, a.Answer)));
            }
        }
        else
        {
            view.Counters = e.Data.ProposalId;
        }
    }

    public void Apply(ProposalLineage view, ProposalWithdrawn e)
    {
        view.Status = ProposalStatuses.Withdrawn;
        view.WithdrawnReason = e.Reason;
    }

    public void Apply(ProposalLineage view, AgreementReached e)
    {
        view.Status = ProposalStatuses.Adopted;
        view.AgreementId = e.AgreementId;
    }
}
