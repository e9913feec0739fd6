using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Negotiations;

public sealed record WithdrawProposal(string NegotiationId, string ProposalId, string PartyId, string? Reason, PartialDate? Said) : INegotiationCommand
{
    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, now);
}

public static partial class NegotiationDecider
{
    public static Decision Decide(WithdrawProposal command, Negotiation? state, DateTimeOffset now)
    {
        var invalid = Validate.First(
            Validate.Line("reason", command.Reason, Validate.MaxReasonLength, required: false),
            Validate.NotInFuture("said", command.Said, now));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        if (!state.Proposals.TryGetValue(command.ProposalId, out var proposal))
        {
            return Rejection.NotFound($"proposal {command.ProposalId} was not tabled in {command.NegotiationId}");
        }

        if (proposal.Tabled.PartyId != command.PartyId)
        {
            return Rejection.RuleBroken($"only {proposal.Tabled.PartyId}, who tabled proposal {command.ProposalId}, can withdraw it");
        }

        if (RoleRules.MustBeAllowed(state, command.PartyId, NegotiatingAct.WithdrawProposals) is { } notAllowed)
        {
            return notAllowed;
        }

        return proposal.Status switch
        {
            ProposalStatus.Withdrawn => Decision.AlreadyRecorded,
            ProposalStatus.Adopted => Rejection.RuleBroken($"proposal {command.ProposalId} became agreement {proposal.AgreementId} and can no longer be withdrawn"),
            _ => Decision.Append(new ProposalWithdrawn(command.NegotiationId, command.ProposalId, command.PartyId, command.Reason, command.Said)),
        };
    }
}
