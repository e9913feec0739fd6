using JasperFx.Events;
using Marten;
using Marten.Linq.MatchesSql;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Projections;

/// <summary>Queries of the event store itself, for views that must read back what their slice of events does not carry.</summary>
public static class StoredEvents
{
    /// <summary>
    /// A party's events in one negotiation (its statements, answers and the later facts about its statements), in no
    /// particular order. Filtered in the database, not read whole and thrown away here: a party may speak in many
    /// negotiations. Party-level events (registration, affiliations) carry no negotiation and are not among them.
    /// </summary>
    public static IQueryable<IEvent> OfPartyIn(IQuerySession session, string partyId, string negotiationId)
    {
        var stream = Streams.Party(partyId);
        return session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == stream)
            // Stored JSON is camelCase.
            .Where(e => e.MatchesSql("d.data ->> 'negotiationId' = ?", negotiationId));
    }
}
