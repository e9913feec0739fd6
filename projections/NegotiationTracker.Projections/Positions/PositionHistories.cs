using Marten;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Positions;

public static class PositionHistories
{
    /// <summary>
    /// The histories the positions endpoint and the CLI's <c>positions</c> command show: one party's or every party's, on
    /// one issue or every issue, each with only the evidence the filter takes (and its periods worked out again from that),
    /// leaving out a history with no evidence left; null when the negotiation is not in the ledger.
    /// </summary>
    public static async Task<IReadOnlyList<PositionHistory>?> QueryAsync(IQuerySession session, string negotiationId, string? partyId, string? issueId,
        EvidenceFilter evidence, CancellationToken cancellationToken = default)
    {
        var histories = partyId is not null
            ? await ForPartyAsync(session, negotiationId, partyId, cancellationToken)
            : await ForNegotiationAsync(session, negotiationId, cancellationToken);
        return histories?.Where(h => issueId is null || h.IssueId == issueId).Select(h => h.Filtered(evidence)).Where(h => h.Evidence.Count > 0).ToList();
    }

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
