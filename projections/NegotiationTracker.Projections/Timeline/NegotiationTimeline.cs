using Marten;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Timeline;

public static class NegotiationTimeline
{
    /// <summary>A negotiation's entries (see the other overload); null when the negotiation is not in the ledger.</summary>
    public static Task<IReadOnlyList<TimelineEntry>?> QueryAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, negotiationId, negotiation => QueryAsync(session, negotiation, cancellationToken), cancellationToken);

    /// <summary>
    /// A negotiation's entries in the order things happened: by the start of the said date, coarser dates first among equal
    /// starts ("2024-09" before "2024-09-03"), then in the order they were recorded.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>> QueryAsync(IQuerySession session, NegotiationSummary negotiation, CancellationToken cancellationToken = default) =>
        await session.Query<TimelineEntry>()
            .Where(e => e.NegotiationId == negotiation.Id)
            .OrderBy(e => e.SaidFrom).ThenByDescending(e => e.SaidUntil).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
