using Marten;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Positions;

public static class PositionHistories
{
    /// <summary>Every party × issue history of a negotiation, by issue then party; null when the negotiation is not in the ledger.</summary>
    public static Task<IReadOnlyList<PositionHistory>?> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, negotiationId, negotiation => ForNegotiationAsync(session, negotiation, cancellationToken), cancellationToken);

    /// <summary>Every party × issue history of a negotiation, by issue then party.</summary>
    public static async Task<IReadOnlyList<PositionHistory>> ForNegotiationAsync(IQuerySession session, NegotiationSummary negotiation, CancellationToken cancellationToken = default)
    {
        var parties = await session.Query<PartyPositions>().Where(p => p.NegotiationId == negotiation.Id).ToListAsync(cancellationToken);
        return parties.SelectMany(p => p.Issues)
            .OrderBy(h => h.IssueId, StringComparer.Ordinal).ThenBy(h => h.PartyId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One party's history on each issue of a negotiation, by issue; empty when it has taken no stance there, null when the
    /// negotiation is not in the ledger.
    /// </summary>
    public static Task<IReadOnlyList<PositionHistory>?> ForPartyAsync(IQuerySession session, string negotiationId, string partyId, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, negotiationId, async negotiation =>
        {
            var party = await session.LoadAsync<PartyPositions>(PartyPositions.Key(negotiation.Id, partyId), cancellationToken);
            return (IReadOnlyList<PositionHistory>)(party?.Issues ?? []).OrderBy(h => h.IssueId, StringComparer.Ordinal).ToList();
        }, cancellationToken);
}
