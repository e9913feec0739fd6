using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Proposals;

namespace NegotiationTracker.Projections.Negotiations;

/// <summary>A line of the list of negotiations: what it is, how far it has got, and how much it holds.</summary>
public sealed record NegotiationListing(
    string Id,
    string Title,
    NegotiationStatus Status,
    PartialDate Opened,
    int Parties,
    int Issues,
    int Statements,
    int Proposals,
    int OpenProposals,
    int Agreements)
{
    /// <summary>Every negotiation in the ledger, by id, a page at a time.</summary>
    public static async Task<Page<NegotiationListing>> ListAsync(IQuerySession session, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var summaries = await session.Query<NegotiationSummary>().OrderBy(s => s.Id).Stats(out var stats).Skip(offset).Take(limit).ToListAsync(cancellationToken);

        // The total rides on the page's rows; a page past the end has none, so it is counted by a query of its own.
        var total = summaries.Count > 0 || offset == 0 ? stats.TotalResults : await session.Query<NegotiationSummary>().CountAsync(cancellationToken);
        var counts = await CurrentPositions.StatementCountsAsync(session, summaries.Select(s => s.Id).ToList(), cancellationToken);
        return new Page<NegotiationListing>(summaries.Select(s => Of(s, counts.GetValueOrDefault(s.Id))).ToList(), total);
    }

    /// <param name="statements">How many statements it has on the record (<see cref="CurrentPositions.StatementCountsAsync"/>).</param>
    public static NegotiationListing Of(NegotiationSummary summary, int statements) => new(
        summary.Id,
        summary.Title,
        summary.Status,
        summary.Opened,
        summary.Parties.Count,
        summary.Issues.Count,
        statements,
        summary.Proposals.Count,
        summary.Proposals.Count(p => ProposalStatuses.OnTheTable(p.Status)),
        summary.Agreements.Count);
}
