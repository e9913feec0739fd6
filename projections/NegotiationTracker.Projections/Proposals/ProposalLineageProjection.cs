using JasperFx.Events;
using Marten.Events.Projections;
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
            view.Status = ProposalReading.Evolve(view.Reading(), e.Data)!.Status;
            view.Answers.Add(new ProposalAnswerEntry(e.Data.PartyId, e.Data.Answer, e.Data.CounterProposalId, e.Data.Said, e.Sequence));
        }
        else
        {
            view.Counters = e.Data.ProposalId;
        }
    }

    public void Apply(ProposalLineage view, ProposalWithdrawn e)
    {
        view.Status = ProposalReading.Evolve(view.Reading(), e)!.Status;
        view.WithdrawnReason = e.Reason;
    }

    public void Apply(ProposalLineage view, AgreementReached e)
    {
        var reading = ProposalReading.Evolve(view.Reading(), e)!;
        view.Status = reading.Status;
        view.AgreementId = reading.AgreementId;
    }
}
