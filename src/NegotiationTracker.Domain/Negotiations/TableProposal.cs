using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

public sealed record TableProposal(string NegotiationId, string ProposalId, string PartyId, string Title, IReadOnlyList<Term> Terms, PartialDate? Said, string? SourceId) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, now);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(TableProposal command, Negotiation? state, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Slug("proposal id", command.ProposalId),
            Validate.Slug("party", command.PartyId),
            Validate.Line("title", command.Title, Validate.MaxTitleLength),
            Validate.NotInFuture("said", command.Said, now),
            Validate.OptionalSlug("source", command.SourceId),
            command.Terms.Count == 0 ? Rejection.Invalid("terms", "a proposal needs at least one term") : null,
            command.Terms.Count > Validate.MaxListLength ? Rejection.Invalid("terms", $"a proposal has at most {Validate.MaxListLength} terms") : null);
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        var broken = MustBeMember(state, command.PartyId)
            ?? RoleRules.MustBeAllowed(state, command.PartyId, NegotiatingAct.TableProposals)
            ?? TermsMustNameIssues(state, command.Terms)
            ?? SourceMustBeRegistered(state, command.SourceId);
        if (broken is not null)
        {
            return broken;
        }

        var tabled = new ProposalTabled(command.NegotiationId, command.ProposalId, command.PartyId, command.Title, command.Terms, command.Said, command.SourceId);
        if (state.Proposals.TryGetValue(command.ProposalId, out var existing))
        {
            return Same(existing.Tabled, tabled)
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"proposal id {command.ProposalId} is already used in {command.NegotiationId} for \"{existing.Tabled.Title}\"");
        }

        return Decision.Append(tabled);
    }

    private static Rejection? MustBeMember(Negotiation state, string partyId) =>
        state.Members.ContainsKey(partyId) ? null : Rejection.RuleBroken($"party {partyId} has not joined {state.Id}");

    private static Rejection? TermsMustNameIssues(Negotiation state, IReadOnlyList<Term> terms)
    {
        foreach (var term in terms)
        {
            var invalid = Validate.First(Validate.Slug("term issue", term.IssueId), Validate.Text($"text of the term on {term.IssueId}", term.Text, Validate.MaxReasonLength));
            if (invalid is not null)
            {
                return invalid;
            }

            if (!state.Issues.ContainsKey(term.IssueId))
            {
                return Rejection.NotFound($"issue {term.IssueId} is not an issue of {state.Id}");
            }
        }

        return null;
    }

    private static Rejection? SourceMustBeRegistered(Negotiation state, string? sourceId) =>
        sourceId is null || state.Sources.ContainsKey(sourceId) ? null : Rejection.NotFound($"source {sourceId} is not registered in {state.Id}");

    /// <summary>Records compare lists by reference; a retried command carries equal but distinct lists.</summary>
    private static bool Same(ProposalTabled a, ProposalTabled b) =>
        a with { Terms = [] } == b with { Terms = [] } && a.Terms.SequenceEqual(b.Terms);
}
