using Marten;

namespace NegotiationTracker.Projections.Positions;

public static class PositionHistories
{
    public static async Task<IReadOnlyList<PositionHistory>> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default) =>
        await session.Query<PositionHistory>()
            .Where(p => p.NegotiationId == negotiationId)
            .OrderBy(p => p.IssueId).ThenBy(p => p.PartyId)
            .ToListAsync(cancellationToken);
}
