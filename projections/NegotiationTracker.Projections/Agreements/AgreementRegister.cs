using Marten;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Agreements;

public static class AgreementRegister
{
    /// <summary>Every agreement of a negotiation, by id; null when the negotiation is not in the ledger.</summary>
    public static Task<IReadOnlyList<AgreementRecord>?> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default) =>
        NegotiationSummary.IfKnownAsync(session, negotiationId, negotiation => ForNegotiationAsync(session, negotiation, cancellationToken), cancellationToken);

    /// <summary>Every agreement of a negotiation, by id.</summary>
    public static async Task<IReadOnlyList<AgreementRecord>> ForNegotiationAsync(IQuerySession session, NegotiationSummary negotiation, CancellationToken cancellationToken = default) =>
        await session.Query<AgreementRecord>()
            .Where(a => a.NegotiationId == negotiation.Id)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
}
