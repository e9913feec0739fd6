using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Projections.Parties;

/// <summary>
/// Who a party is and who speaks for it. Inline: commands and every other view look parties up by id right after registering them.
/// Keyed by party id rather than by stream key ("party/{id}"), so views join on the id users know.
/// </summary>
public sealed partial class PartyProfileProjection : MultiStreamProjection<PartyProfile, string>
{
    public const string ProjectionName = "party-profiles";

    public PartyProfileProjection()
    {
        Name = ProjectionName;
        Identity<PartyRegistered>(e => e.PartyId);
        Identity<PersonAffiliated>(e => e.PartyId);
    }

    public PartyProfile Create(PartyRegistered e) => new() { Id = e.PartyId, Name = e.Name, Kind = e.Kind };

    public void Apply(PartyProfile view, PersonAffiliated e)
    {
        view.People.RemoveAll(p => p.Id == e.PersonId);
        view.People.Add(new PersonProfile(e.PersonId, e.Name, e.Title));
    }
}
