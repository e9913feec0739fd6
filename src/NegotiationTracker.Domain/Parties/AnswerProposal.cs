using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Parties;

public sealed record AnswerProposal(string NegotiationId, string ProposalId, string PartyId, Answer Answer, string? CounterProposalId, PartialDate? Said, string? SourceId) : IPartyCommand
{
    string? IPartyCommand.Reads => NegotiationId;

    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party, negotiation, now);
}

public static partial class PartyDecider
{
    /// <param name="negotiation">The negotiation the proposal was tabled in, as its own stream knows it.</param>
    public static Decision Decide(AnswerProposal command, Party? state, Negotiation? negotiation, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Slug("proposal", command.ProposalId),
            Validate.OptionalSlug("counter proposal", command.CounterProposalId),
            Validate.NotInFuture("said", command.Said, now),
            Validate.OptionalSlug("source", command.SourceId),
            command.Answer == Answer.Counter && command.CounterProposalId is null ? Rejection.Invalid("counter", "a counter answer names the counter-proposal") : null,
            command.Answer != Answer.Counter && command.CounterProposalId is not null ? Rejection.Invalid("counter", $"only a counter answer names a counter-proposal, not {command.Answer.Word()}") : null);
        if (invalid is not null)
        {
            return invalid;
        }

        if (!HasJoined(command.PartyId, state, command.NegotiationId, negotiation, "answer proposals", out var notAMember))
        {
            return notAMember;
        }

        if (RoleRules.MustBeAllowed(negotiation, command.PartyId, NegotiatingAct.AnswerProposals) is { } notAllowed)
        {
            return notAllowed;
        }

        if (!negotiation.Proposals.TryGetValue(command.ProposalId, out var proposal))
        {
            return Rejection.NotFound($"proposal {command.ProposalId} was not tabled in {command.NegotiationId}");
        }

        var answered = new ProposalAnswered(command.NegotiationId, command.ProposalId, command.PartyId, command.Answer, command.CounterProposalId, command.Said, command.SourceId);
        if (state.Answers.Contains(Party.AnswerKey(answered)))
        {
            return Decision.AlreadyRecorded;
        }

        if (proposal.Tabled.PartyId == command.PartyId)
        {
            return Rejection.RuleBroken($"party {command.PartyId} tabled proposal {command.ProposalId} and cannot answer it");
        }

        if (proposal.Status != ProposalStatus.Open)
        {
            return Rejection.RuleBroken($"proposal {command.ProposalId} is {proposal.Status.Word()}, not open");
        }

        if (command.CounterProposalId is { } counter
            && (!negotiation.Proposals.TryGetValue(counter, out var counterProposal) || counterProposal.Tabled.PartyId != command.PartyId))
        {
            return Rejection.NotFound($"counter-proposal {counter} was not tabled by {command.PartyId} in {command.NegotiationId}");
        }

        if (command.SourceId is { } source && !negotiation.Sources.ContainsKey(source))
        {
            return Rejection.NotFound($"source {source} is not registered in {command.NegotiationId}");
        }

        return Decision.Append(answered);
    }
}
