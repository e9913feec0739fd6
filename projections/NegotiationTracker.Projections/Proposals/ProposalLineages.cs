using Marten;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Proposals;

public static class ProposalLineages
{
    /// <summary>Every proposal of a negotiation, in the order tabled; null when the negotiation is not in the ledger.</summary>
    public static Task<IReadOnlyList<ProposalLineage>?> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, negotiationId, negotiation => ForNegotiationAsync(session, negotiation, cancellationToken), cancellationToken);

    /// <summary>Every proposal of a negotiation, in the order tabled.</summary>
    public static async Task<IReadOnlyList<ProposalLineage>> ForNegotiationAsync(IQuerySession session, NegotiationSummary negotiation, CancellationToken cancellationToken = default) =>
        await session.Query<ProposalLineage>()
            .Where(p => p.NegotiationId == negotiation.Id)
            .OrderBy(p => p.TabledSequence)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The chain a proposal belongs to, from the first proposal through each counter to the last: p1, then p2 (which counters
    /// p1), then p3. Where two parties countered the same proposal, the chain follows the one tabled first.
    /// </summary>
    public static IReadOnlyList<ProposalLineage> Chain(IReadOnlyList<ProposalLineage> proposals, string proposalId)
    {
        var byId = proposals.ToDictionary(p => p.ProposalId);
        if (!byId.TryGetValue(proposalId, out var first))
        {
            return [];
        }

        var visited = new HashSet<string> { first.ProposalId };
        while (first.Counters is { } earlier && byId.TryGetValue(earlier, out var previous) && visited.Add(previous.ProposalId))
        {
            first = previous;
        }

        var chain = new List<ProposalLineage> { first };
        var inChain = new HashSet<string> { first.ProposalId };
        while (proposals.FirstOrDefault(p => p.Counters == chain[^1].ProposalId && !inChain.Contains(p.ProposalId)) is { } next)
        {
            chain.Add(next);
            inChain.Add(next.ProposalId);
        }

        return chain;
    }
}
