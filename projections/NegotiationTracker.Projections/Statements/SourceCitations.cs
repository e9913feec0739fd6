using Marten;
using NegotiationTracker.Projections.Agreements;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Proposals;

namespace NegotiationTracker.Projections.Statements;

/// <summary>
/// For each source of a negotiation, what cites it: statements on the record (void records and duplicates are not
/// citations; retracted ones were said, and are), other outlets' reports of a statement, proposals and agreements.
/// </summary>
public sealed record SourceCitations(
    SourceEntry Source,
    IReadOnlyList<StatementRecord> Statements,
    IReadOnlyList<string> ReportsOf,
    IReadOnlyList<string> Proposals,
    IReadOnlyList<string> Agreements)
{
    /// <summary>Every citation together.</summary>
    public int Count => Statements.Count + ReportsOf.Count + Proposals.Count + Agreements.Count;

    /// <summary>"2 statements, 1 report, 1 agreement", or "nothing".</summary>
    public string Describe()
    {
        var parts = new[] { (Statements.Count, "statement"), (ReportsOf.Count, "report"), (Proposals.Count, "proposal"), (Agreements.Count, "agreement") }
            .Where(p => p.Item1 > 0)
            .Select(p => $"{p.Item1} {p.Item2}{(p.Item1 == 1 ? "" : "s")}")
            .ToList();
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }

    /// <param name="proposals">The negotiation's proposals, for those that cite a source.</param>
    /// <param name="agreements">The negotiation's agreements, for those that cite a source.</param>
    public static async Task<IReadOnlyList<SourceCitations>> ForNegotiationAsync(IQuerySession session, NegotiationSummary summary,
        IReadOnlyList<ProposalLineage> proposals, IReadOnlyList<AgreementRecord> agreements, CancellationToken cancellationToken = default)
    {
        var negotiationId = summary.Id;
        var records = (await session.Query<StatementRecord>()
            .Where(s => s.NegotiationId == negotiationId && (s.Status == StatementRecord.Statuses.Standing || s.Status == StatementRecord.Statuses.Retracted))
            .OrderBy(s => s.SaidFrom).ThenByDescending(s => s.SaidUntil).ThenBy(s => s.Sequence)
            .ToListAsync(cancellationToken)).ToList();
        var bySource = records.Where(s => s.SourceId is not null).ToLookup(s => s.SourceId!);
        var reports = records.SelectMany(s => s.Reports.Select(r => r.SourceId).Distinct().Select(source => (Source: source, s.StatementId))).ToLookup(r => r.Source, r => r.StatementId);
        var proposed = proposals.Where(p => p.SourceId is not null).ToLookup(p => p.SourceId!, p => p.ProposalId);
        var agreed = agreements.Where(a => a.SourceId is not null).ToLookup(a => a.SourceId!, a => a.AgreementId);
        return summary.Sources.Select(source => new SourceCitations(source, bySource[source.Id].ToList(), reports[source.Id].ToList(),
            proposed[source.Id].ToList(), agreed[source.Id].ToList())).ToList();
    }
}
