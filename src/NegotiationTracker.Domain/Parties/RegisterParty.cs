using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Registers a party (a state, a government, a faction, an organisation, a person or a news outlet) once, for every negotiation.</summary>
public sealed record RegisterParty(string PartyId, string Name, PartyKind Kind) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party);
}

public static partial class PartyDecider
{
    public static Decision Decide(RegisterParty command, Party? state)
    {
        var invalid = Validate.First(Validate.Slug("party id", command.PartyId), Validate.Line("name", command.Name, Validate.MaxNameLength));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return Decision.Append(new PartyRegistered(command.PartyId, command.Name, command.Kind));
        }

        return state.Name == command.Name && state.Kind == command.Kind
            ? Decision.AlreadyRecorded
            : Rejection.Conflict($"party id {command.PartyId} is already registered as \"{state.Name}\" ({state.Kind.Word()})");
    }

    private static Rejection NotRegistered(string partyId) => Rejection.NotFound($"party {partyId} is not registered");
}
