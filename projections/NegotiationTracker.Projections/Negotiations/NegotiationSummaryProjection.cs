using JasperFx.Events;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Proposals;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>
/// Folds the negotiation's stream and the statements and answers that parties make in it into one document.
/// Inline, because the CLI prints the state right after a command and an import must read its own writes.
/// </summary>
public sealed partial class NegotiationSummaryProjection : MultiStreamProjection<NegotiationSummary, string>
{
    public const string ProjectionName = "negotiation-state";

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
        Identity<StatementRetracted>(e => e.NegotiationId);
        Identity<RecordVoided>(e => e.NegotiationId);
        Identity<DuplicateLinked>(e => e.NegotiationId);
        Identity<DuplicateUnlinked>(e => e.NegotiationId);
        Identity<RecordAmended>(e => e.NegotiationId);
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
            proposal.Status = ProposalStatuses.Withdrawn;
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
            adopted.Status = ProposalStatuses.Adopted;
            adopted.AgreementId = a.AgreementId;
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
        var s = e.Data;
        view.StatementCounts[s.PartyId] = view.StatementCounts.GetValueOrDefault(s.PartyId) + 1;
        var claim = new StanceClaim(s.PartyId, s.StatementId, s.Stance, [.. s.IssueIds], s.Said, e.Sequence, Stands: true);
        view.Claims.Add(claim);
        TakePosition(view, claim);
        Touch(view, e, ownStream: false);
    }

    public void Apply(NegotiationSummary view, IEvent<StatementRetracted> e) => Restand(view, e, e.Data.StatementId, c => c with { Stands = false });

    public void Apply(NegotiationSummary view, IEvent<RecordVoided> e) => Restand(view, e, e.Data.StatementId, c => c with { Stands = false });

    public void Apply(NegotiationSummary view, IEvent<DuplicateLinked> e) => Restand(view, e, e.Data.StatementId, c => c with { Stands = false });

    // Unlinking restores the statement unless it was also retracted or voided, which the statement's own record tells.
    public void Apply(NegotiationSummary view, IEvent<DuplicateUnlinked> e) => Restand(view, e, e.Data.StatementId, c => c with { Stands = !view.Withdrawn.Contains(c.StatementId) });

    public void Apply(NegotiationSummary view, IEvent<RecordAmended> e) => Restand(view, e, e.Data.StatementId, c => e.Data.Field switch
    {
        "stance" => c with { Stance = Vocabulary.TryParse<Stance>(e.Data.NewValue, out var stance) ? stance : null },
        "issues" => c with { Issues = e.Data.NewValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
        "said" => c with { Said = PartialDate.TryParse(e.Data.NewValue, out var said) ? said : c.Said },
        _ => c,
    });

    public void Apply(NegotiationSummary view, IEvent<SourceGraded> e)
    {
        view.SourceReliability[e.Data.SourceId] = e.Data.Reliability;
        Touch(view, e, ownStream: true);
    }

    private static void Restand(NegotiationSummary view, IEvent e, string statementId, Func<StanceClaim, StanceClaim> change)
    {
        if (e.Data is StatementRetracted or RecordVoided)
        {
            view.Withdrawn.Add(statementId);
        }

        var at = view.Claims.FindIndex(c => c.StatementId == statementId);
        if (at >= 0)
        {
            view.Claims[at] = change(view.Claims[at]);
            Reposition(view, view.Claims[at].Party);
        }

        Touch(view, e, ownStream: false);
    }

    /// <summary>
    /// A new standing statement can only move a position forward: it replaces the party's position on each of its issues
    /// when it was said later (or as late, and recorded later). This costs the statement's issues, not the party's claims,
    /// so recording stays cheap however long the negotiation runs; only corrections work a party's positions out again.
    /// </summary>
    private static void TakePosition(NegotiationSummary view, StanceClaim claim)
    {
        if (claim.Stance is not { } stance)
        {
            return;
        }

        foreach (var issue in claim.Issues)
        {
            var at = view.Positions.FindIndex(p => p.Party == claim.Party && p.Issue == issue);
            var entry = new PositionEntry(claim.Party, issue, stance, claim.StatementId, claim.Said, claim.Sequence);
            if (at < 0)
            {
                var before = view.Positions.FindIndex(p => (string.CompareOrdinal(p.Party, claim.Party) is var byParty and not 0 ? byParty : string.CompareOrdinal(p.Issue, issue)) > 0);
                view.Positions.Insert(before < 0 ? view.Positions.Count : before, entry);
            }
            else if (Later(claim, view.Positions[at]))
            {
                view.Positions[at] = entry;
            }
        }
    }

    // The order Reposition uses: by when said (PartialDate's order), then by global sequence.
    private static bool Later(StanceClaim claim, PositionEntry current) =>
        claim.Said.CompareTo(current.Said) is var bySaid and not 0 ? bySaid > 0 : claim.Sequence > current.Sequence;

    /// <summary>
    /// A party's stance per issue: from its latest standing statement, by when it was said, then by when recorded. Only the
    /// party whose statement changed is worked out again, so an append costs that party's claims, not the negotiation's.
    /// </summary>
    private static void Reposition(NegotiationSummary view, string party)
    {
        view.Positions.RemoveAll(p => p.Party == party);
        view.Positions.AddRange(view.Claims
            .Where(c => c.Party == party && c.Stands && c.Stance is not null)
            .SelectMany(c => c.Issues.Select(issue => (Issue: issue, Claim: c)))
            .GroupBy(x => (x.Claim.Party, x.Issue))
            .Select(g => g.OrderBy(x => x.Claim.Said).ThenBy(x => x.Claim.Sequence).Last())
            .Select(x => new PositionEntry(x.Claim.Party, x.Issue, x.Claim.Stance!.Value, x.Claim.StatementId, x.Claim.Said, x.Claim.Sequence)));
        view.Positions.Sort((a, b) => string.CompareOrdinal(a.Party, b.Party) is var byParty and not 0 ? byParty : string.CompareOrdinal(a.Issue, b.Issue));
    }

    public void Apply(NegotiationSummary view, IEvent<ProposalAnswered> e)
    {
        if (view.Proposals.Find(p => p.Id == e.Data.ProposalId) is { } proposal)
        {
            proposal.Answers.Add(new AnswerEntry(e.Data.PartyId, e.Data.Answer, e.Data.CounterProposalId, e.Data.Said));
            proposal.Status = ProposalStatuses.Of(false, false, proposal.Answers.Select(a => (a.Party, a.Answer)));
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
                case IEvent<StatementRetracted> x: projection.Apply(view, x); break;
                case IEvent<RecordVoided> x: projection.Apply(view, x); break;
                case IEvent<DuplicateLinked> x: projection.Apply(view, x); break;
                case IEvent<DuplicateUnlinked> x: projection.Apply(view, x); break;
                case IEvent<RecordAmended> x: projection.Apply(view, x); break;
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
