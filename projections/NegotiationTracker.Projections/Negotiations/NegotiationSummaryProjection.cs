using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>
/// Folds the negotiation's stream and the statements and answers that parties make in it into one document.
/// Inline, because the CLI prints the state right after a command and an import must read its own writes.
/// </summary>
public sealed partial class NegotiationSummaryProjection : MultiStreamProjection<NegotiationSummary, string>
{
    public const string ProjectionName = "negotiation-summary";

    public NegotiationSummaryProjection()
    {
        Name = ProjectionName;
        Identity<NegotiationOpened>(e => e.NegotiationId);
        Identity<IssueAdded>(e => e.NegotiationId);
        Identity<SourceRegistered>(e => e.NegotiationId);
        Identity<PartyJoined>(e => e.NegotiationId);
        Identity<NegotiationStatusChanged>(e => e.NegotiationId);
        Identity<ProposalTabled>(e => e.NegotiationId);
        Identity<ProposalWithdrawn>(e => e.NegotiationId);
        Identity<AgreementReached>(e => e.NegotiationId);
        Identity<AgreementSigned>(e => e.NegotiationId);
        Identity<StatementMade>(e => e.NegotiationId);
        Identity<ProposalAnswered>(e => e.NegotiationId);
        Identity<SourceGraded>(e => e.NegotiationId);
    }

    public NegotiationSummary Create(IEvent<NegotiationOpened> e) => new()
    {
        Id = e.Data.NegotiationId,
        Title = e.Data.Title,
        Opened = e.Data.Opened,
        Status = Negotiation.InitialStatus,
        Issues = e.Data.Issues.Select(i => new IssueEntry(i.IssueId, i.Title)).ToList(),
        StreamVersion = e.Version,
        LastSequence = e.Sequence,
    };

    public void Apply(NegotiationSummary view, IEvent<IssueAdded> e)
    {
        view.Issues.Add(new IssueEntry(e.Data.IssueId, e.Data.Title));
        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<SourceRegistered> e)
    {
        var s = e.Data;
        view.Sources.Add(new SourceEntry(s.SourceId, s.Title, s.Outlet, s.Url, s.Published));
        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<PartyJoined> e)
    {
        view.Parties.Add(new MemberEntry(e.Data.PartyId, e.Data.Role, e.Data.Said));
        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<NegotiationStatusChanged> e)
    {
        view.Status = e.Data.Status;
        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<ProposalTabled> e)
    {
        var p = e.Data;
        view.Proposals.Add(new ProposalEntry
        {
            Id = p.ProposalId,
            By = p.PartyId,
            Title = p.Title,
            Tabled = p.Said,
            Terms = p.Terms.Select(t => new TermEntry(t.IssueId, t.Text)).ToList(),
        });
        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<ProposalWithdrawn> e)
    {
        if (view.Proposals.Find(p => p.Id == e.Data.ProposalId) is { } proposal)
        {
            proposal.Status = ProposalReading.Evolve(proposal.Reading(), e.Data)!.Status;
        }

        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<AgreementReached> e)
    {
        var a = e.Data;
        view.Agreements.Add(new AgreementEntry
        {
            Id = a.AgreementId,
            Title = a.Title,
            ProposalId = a.ProposalId,
            Reached = a.Said,
            Terms = a.Terms.Select(t => new TermEntry(t.IssueId, t.Text)).ToList(),
            Parties = [.. a.PartyIds],
        });
        if (a.ProposalId is not null && view.Proposals.Find(p => p.Id == a.ProposalId) is { } adopted)
        {
            var reading = ProposalReading.Evolve(adopted.Reading(), a)!;
            adopted.Status = reading.Status;
            adopted.AgreementId = reading.AgreementId;
        }

        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<AgreementSigned> e)
    {
        if (view.Agreements.Find(a => a.Id == e.Data.AgreementId) is { } agreement)
        {
            agreement.Signatories.Add(new SignatureEntry(e.Data.PartyId, e.Data.SignatoryId, e.Data.Said));
        }

        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<StatementMade> e)
    {
        // Counted with the positions, where corrections that void or link a record are read (CurrentPositions).
        Touch(view, e, ownStream: false);
    }

    public void Apply(NegotiationSummary view, IEvent<SourceGraded> e)
    {
        view.SourceReliability[e.Data.SourceId] = e.Data.Reliability;
        Touch(view, e, ownStream: true);
    }

    public void Apply(NegotiationSummary view, IEvent<ProposalAnswered> e)
    {
        if (view.Proposals.Find(p => p.Id == e.Data.ProposalId) is { } proposal)
        {
            proposal.Status = ProposalReading.Evolve(proposal.Reading(), e.Data)!.Status;
            proposal.Answers.Add(new AnswerEntry(e.Data.PartyId, e.Data.Answer, e.Data.CounterProposalId, e.Data.Said));
        }

        Touch(view, e, ownStream: false);
    }

    /// <summary>
    /// The same folding, run over events read from the event store (a filtered replay for --as-of and --known-at), so a
    /// replayed state is built by exactly the code that builds the live one.
    /// </summary>
    public static NegotiationSummary? Replay(IEnumerable<IEvent> events)
    {
        var projection = new NegotiationSummaryProjection();
        NegotiationSummary? view = null;
        foreach (var e in events)
        {
            if (e is IEvent<NegotiationOpened> opened)
            {
                view = projection.Create(opened);
                continue;
            }

            if (view is null)
            {
                continue;
            }

            switch (e)
            {
                case IEvent<IssueAdded> x: projection.Apply(view, x); break;
                case IEvent<SourceRegistered> x: projection.Apply(view, x); break;
                case IEvent<PartyJoined> x: projection.Apply(view, x); break;
                case IEvent<NegotiationStatusChanged> x: projection.Apply(view, x); break;
                case IEvent<ProposalTabled> x: projection.Apply(view, x); break;
                case IEvent<ProposalWithdrawn> x: projection.Apply(view, x); break;
                case IEvent<AgreementReached> x: projection.Apply(view, x); break;
                case IEvent<AgreementSigned> x: projection.Apply(view, x); break;
                case IEvent<StatementMade> x: projection.Apply(view, x); break;
                case IEvent<ProposalAnswered> x: projection.Apply(view, x); break;
                case IEvent<SourceGraded> x: projection.Apply(view, x); break;
            }
        }

        return view;
    }

    private static void Touch(NegotiationSummary view, IEvent e, bool ownStream)
    {
        if (ownStream)
        {
            view.StreamVersion = e.Version;
        }

        view.LastSequence = Math.Max(view.LastSequence, e.Sequence);
    }
}
