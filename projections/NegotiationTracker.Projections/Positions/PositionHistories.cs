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
}
