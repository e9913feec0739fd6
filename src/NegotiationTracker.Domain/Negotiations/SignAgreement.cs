using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Negotiations;

public sealed record SignAgreement(string NegotiationId, string AgreementId, string PartyId, string? SignatoryId, PartialDate? Said) : INegotiationCommand
{
    string? INegotiationCommand.Reads => PartyId;

    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, party, now);
}

public static partial class NegotiationDecider
{
    /// <param name="party">The signing party as its own stream knows it, to check that the signatory is one of its people.</param>
    public static Decision Decide(SignAgreement command, Negotiation? state, Party? party, DateTimeOffset now)
    {
        var invalid = Validate.First(Validate.OptionalSlug("signatory", command.SignatoryId), Validate.NotInFuture("said", command.Said, now));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        if (!state.Agreements.TryGetValue(command.AgreementId, out var agreement))
        {
            return Rejection.NotFound($"agreement {command.AgreementId} was not reached in {command.NegotiationId}");
        }

        if (!agreement.Reached.PartyIds.Contains(command.PartyId))
        {
            return Rejection.RuleBroken($"party {command.PartyId} is not a party to agreement {command.AgreementId}");
        }

        if (RoleRules.MustBeAllowed(state, command.PartyId, NegotiatingAct.SignAgreements) is { } notAllowed)
        {
            return notAllowed;
        }

        if (command.SignatoryId is { } signatory && (party is null || !party.People.ContainsKey(signatory)))
        {
            return Rejection.NotFound($"signatory {signatory} is not one of {command.PartyId}'s people");
        }

        if (agreement.Signatures.TryGetValue(command.PartyId, out var signed))
        {
            return signed.SignatoryId == command.SignatoryId && signed.Said == command.Said
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"party {command.PartyId} already signed agreement {command.AgreementId}");
        }

        return Decision.Append(new AgreementSigned(command.NegotiationId, command.AgreementId, command.PartyId, command.SignatoryId, command.Said));
    }
}
