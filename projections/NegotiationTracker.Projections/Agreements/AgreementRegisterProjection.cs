using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Projections.Agreements;

public sealed partial class AgreementRegisterProjection : MultiStreamProjection<AgreementRecord, string>
{
    public const string ProjectionName = "agreement-register";

    public AgreementRegisterProjection()
    {
        Name = ProjectionName;
        Identity<AgreementReached>(e => AgreementRecord.Key(e.NegotiationId, e.AgreementId));
        Identity<AgreementSigned>(e => AgreementRecord.Key(e.NegotiationId, e.AgreementId));
    }

    public AgreementRecord Create(AgreementReached e) => new()
    {
        Id = AgreementRecord.Key(e.NegotiationId, e.AgreementId),
        NegotiationId = e.NegotiationId,
        AgreementId = e.AgreementId,
        Title = e.Title,
        ProposalId = e.ProposalId,
        Reached = e.Said,
        SourceId = e.SourceId,
        Terms = e.Terms.Select(t => new AgreementTermEntry(t.IssueId, t.Text)).ToList(),
        PartyIds = [.. e.PartyIds],
    };

    public void Apply(AgreementRecord view, IEvent<AgreementSigned> e)
    {
        view.Signatures.Add(new SignatureRecord(e.Data.PartyId, e.Data.SignatoryId, e.Data.Said, RecordedAt.Of(e)));
        view.Status = view.PartyIds.All(p => view.Signatures.Any(s => s.Party == p))
            ? AgreementRecord.Statuses.Signed
            : AgreementRecord.Statuses.PartlySigned;
    }
}
