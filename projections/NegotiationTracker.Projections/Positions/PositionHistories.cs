using Marten;

namespace NegotiationTracker.Projections.Positions;

public static class PositionHistories
{
    /// <summary>Every party × issue history of a negotiation, by issue then party.</summary>
    public static async Task<IReadOnlyList<PositionHistory>> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default)
    {
        var parties = await session.Query<PartyPositions>().Where(p => p.NegotiationId == negotiationId).ToListAsync(cancellationToken);
        return parties.SelectMany(p => p.Issues)
            .OrderBy(h => h.IssueId, StringComparer.Ordinal).ThenBy(h => h.PartyId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One party's history on each issue of a negotiation, by issue; empty when it has taken no stance there.</summary>
    public static async Task<IReadOnlyList<PositionHistory>> ForPartyAsync(IQuerySession session, string negotiationId, string partyId, CancellationToken cancellationToken = default)
    {
        var party = await session.LoadAsync<PartyPositions>(PartyPositions.Key(negotiationId, partyId), cancellationToken);
        return (party?.Issues ?? []).OrderBy(h => h.IssueId, StringComparer.Ordinal).ToList();
    }
}
