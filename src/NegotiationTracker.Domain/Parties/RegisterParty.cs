using System.Diagnostics.CodeAnalysis;
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

    /// <summary>
    /// A party acts in a negotiation only once it is registered, the negotiation is opened and the party has joined it;
    /// otherwise false, with the refusal that says which is missing and what the party cannot <paramref name="act"/>.
    /// </summary>
    private static bool HasJoined(string partyId, [NotNullWhen(true)] Party? state, string negotiationId, [NotNullWhen(true)] Negotiation? negotiation,
        string act, [NotNullWhen(false)] out Rejection? refusal)
    {
        refusal = state is null ? NotRegistered(partyId)
            : negotiation is null ? Rejection.NotFound($"negotiation {negotiationId} has not been opened")
            : !negotiation.Members.ContainsKey(partyId) ? Rejection.RuleBroken($"party {partyId} has not joined {negotiationId}, so it cannot {act} in it")
            : null;
        return refusal is null;
    }
}
