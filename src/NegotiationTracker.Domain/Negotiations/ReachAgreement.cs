using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>Records an agreement. Without terms of its own, an agreement that adopts a proposal takes the proposal's terms.</summary>
public sealed record ReachAgreement(string NegotiationId, string AgreementId, string? ProposalId, string Title, IReadOnlyList<Term> Terms, IReadOnlyList<string> PartyIds, PartialDate? Said, string? SourceId) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, now);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(ReachAgreement command, Negotiation? state, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Slug("agreement id", command.AgreementId),
            Validate.OptionalSlug("proposal", command.ProposalId),
            Validate.Line("title", command.Title, Validate.MaxTitleLength),
            Validate.NotInFuture("said", command.Said, now),
            Validate.OptionalSlug("source", command.SourceId),
            Validate.Distinct("parties", command.PartyIds),
            command.PartyIds.Count < 2 ? Rejection.Invalid("parties", "an agreement needs at least two parties") : null);
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        var terms = command.Terms;
        if (command.ProposalId is { } proposalId)
        {
            if (!state.Proposals.TryGetValue(proposalId, out var proposal))
            {
                return Rejection.NotFound($"proposal {proposalId} was not tabled in {command.NegotiationId}");
            }

            if (proposal.Status == ProposalStatus.Withdrawn)
            {
                return Rejection.RuleBroken($"proposal {proposalId} was withdrawn");
            }

            if (proposal.AgreementId is { } other && other != command.AgreementId)
            {
                return Rejection.RuleBroken($"proposal {proposalId} already became agreement {other}");
            }

            if (terms.Count == 0)
            {
                terms = proposal.Tabled.Terms;
            }
        }

        var broken = command.PartyIds.Select(p => MustBeMember(state, p) ?? RoleRules.MustBeAllowed(state, p, NegotiatingAct.BeAPartyToAgreements)).FirstOrDefault(r => r is not null)
            ?? TermsMustNameIssues(state, terms)
            ?? SourceMustBeRegistered(state, command.SourceId);
        if (broken is not null)
        {
            return broken;
        }

        var reached = new AgreementReached(command.NegotiationId, command.AgreementId, command.ProposalId, command.Title, terms, command.PartyIds, command.Said, command.SourceId);
        if (state.Agreements.TryGetValue(command.AgreementId, out var existing))
        {
            return Same(existing.Reached, reached)
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"agreement id {command.AgreementId} is already used in {command.NegotiationId} for \"{existing.Reached.Title}\"");
        }

        return Decision.Append(reached);
    }

    private static bool Same(AgreementReached a, AgreementReached b) =>
        a with { Terms = [], PartyIds = [] } == b with { Terms = [], PartyIds = [] }
        && a.Terms.SequenceEqual(b.Terms)
        && a.PartyIds.SequenceEqual(b.PartyIds);
}
