using Marten;

namespace NegotiationTracker.Projections.Agreements;

public static class AgreementRegister
{
    public static async Task<IReadOnlyList<AgreementRecord>> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default) =>
        await session.Query<AgreementRecord>()
            .Where(a => a.NegotiationId == negotiationId)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
}
