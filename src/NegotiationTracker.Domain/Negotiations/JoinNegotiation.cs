using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Negotiations;

public sealed record JoinNegotiation(string NegotiationId, string PartyId, PartyRole Role, PartialDate? Said) : INegotiationCommand
{
    string? INegotiationCommand.Reads => PartyId;

    Decision INegotiationCommand.Decide(Negotiation? negotiation, Party? party, DateTimeOffset now) => NegotiationDecider.Decide(this, negotiation, party, now);
}

public static partial class NegotiationDecider
{
    /// <param name="party">The joining party as its own stream knows it; it must be registered first.</param>
    public static Decision Decide(JoinNegotiation command, Negotiation? state, Party? party, DateTimeOffset now)
    {
        var invalid = Validate.First(Validate.Slug("party", command.PartyId), Validate.NotInFuture("said", command.Said, now));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotOpen(command.NegotiationId);
        }

        if (party is null)
        {
            return Rejection.NotFound($"party {command.PartyId} is not registered");
        }

        if (state.Members.TryGetValue(command.PartyId, out var role))
        {
            return role == command.Role
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"party {command.PartyId} already takes part in {command.NegotiationId} as {role.Word()}");
        }

        return Decision.Append(new PartyJoined(command.NegotiationId, command.PartyId, command.Role, command.Said));
    }
}
