using Marten;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Statements;

/// <summary>For each source of a negotiation, the statements that cite it: served from the statement log through an index on the source.</summary>
public sealed record SourceCitations(SourceEntry Source, IReadOnlyList<StatementRecord> Statements)
{
    public static async Task<IReadOnlyList<SourceCitations>> ForNegotiationAsync(IQuerySession session, string negotiationId, CancellationToken cancellationToken = default)
    {
        var summary = await session.LoadAsync<NegotiationSummary>(negotiationId, cancellationToken);
        if (summary is null)
        {
            return [];
        }

        var citing = await session.Query<StatementRecord>()
            .Where(s => s.NegotiationId == negotiationId && s.SourceId != null)
            .OrderBy(s => s.SaidFrom).ThenByDescending(s => s.SaidUntil).ThenBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        var bySource = citing.ToLookup(s => s.SourceId!);
        return summary.Sources.Select(source => new SourceCitations(source, bySource[source.Id].ToList())).ToList();
    }
}
