using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Parties;

/// <summary>Records that a named person speaks or signs for a party. Anonymous speakers are never invented as people.</summary>
public sealed record AffiliatePerson(string PartyId, string PersonId, string Name, string? Title) : IPartyCommand
{
    Decision IPartyCommand.Decide(Party? party, Negotiation? negotiation, DateTimeOffset now) => PartyDecider.Decide(this, party);
}

public static partial class PartyDecider
{
    public static Decision Decide(AffiliatePerson command, Party? state)
    {
        var invalid = Validate.First(
            Validate.Slug("person id", command.PersonId),
            Validate.Line("name", command.Name, Validate.MaxNameLength),
            Validate.Line("title", command.Title, Validate.MaxNameLength, required: false));
        if (invalid is not null)
        {
            return invalid;
        }

        if (state is null)
        {
            return NotRegistered(command.PartyId);
        }

        var affiliated = new PersonAffiliated(command.PartyId, command.PersonId, command.Name, command.Title);
        if (state.People.TryGetValue(command.PersonId, out var existing))
        {
            return existing == affiliated
                ? Decision.AlreadyRecorded
                : Rejection.Conflict($"person id {command.PersonId} of {command.PartyId} is already \"{existing.Name}\"");
        }

        return Decision.Append(affiliated);
    }
}
